import { IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * The custom peer group form of the benchmark view: the values ticked per dimension
 * (`filter[industry][]=telecom`), the unit whose view it came from and the group it showed.
 */
export class PeerGroupFormDto {
  /** The unit of the view, to return to. */
  @IsUUID('all')
  unitId!: string;

  /** The peer group the view showed, to show again with a refusal. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  peerGroup?: string;

  /** By dimension, the values ticked; a dimension with none ticked is left out. */
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;
}
