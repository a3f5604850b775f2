import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { MAX_BULK_ACCEPT } from '@app/domain';
import { ReviewQueueQueryDto } from '../../../submissions/dto/review-queue.dto';

/** A browser sends one checked box as a text, several as a list, none as nothing. */
const asList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? [value] : value;

/**
 * The query of the review queue's page: the API's filters, sort and page, the notice after a
 * review moved a submission on, and whether the page's bulk-acceptable units come pre-selected.
 */
export class ReviewPageQueryDto extends ReviewQueueQueryDto {
  /** The unit whose submission was just accepted (the notice after the redirect). */
  @IsOptional()
  @IsUUID('all')
  accepted?: string;

  /** The unit whose submission was just returned. */
  @IsOptional()
  @IsUUID('all')
  returned?: string;

  /** How many submissions a bulk accept just accepted. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  bulkAccepted?: number;

  /** `page`: every submission of the page that may be accepted in bulk is checked. */
  @IsOptional()
  @IsIn(['page'])
  select?: 'page';
}

/** A unit and the version the publisher saw, as a checkbox sends it: `<unitId>:<version>`. */
export const SELECTED_UNIT = /^[0-9a-f-]{36}:[1-9][0-9]{0,8}$/;

/**
 * The selection of a bulk accept, in the confirm step (GET, with the queue's query to go back
 * to) and in the accept itself (POST).
 */
export class BulkSelectionDto extends ReviewQueueQueryDto {
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(MAX_BULK_ACCEPT)
  @IsString({ each: true })
  @Matches(SELECTED_UNIT, { each: true })
  unit?: string[];
}

/**
 * The form that returns a submission. The comment is optional here so that an empty one is
 * shown at its field in the person's language, not refused by the validation pipe.
 */
export class ReturnFormDto {
  @IsOptional()
  @IsString()
  comment?: string;
}
