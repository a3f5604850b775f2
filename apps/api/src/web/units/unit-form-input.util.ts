import {
  COUNTRIES,
  CUSTOMER_TYPES,
  INDUSTRIES,
  SOURCINGS,
  type Country,
  type CustomerType,
  type Industry,
  type Sourcing,
} from '@app/domain';
import type { Language } from '../../common/request-context';
import { parseNumberInput } from '../submission/number-input.util';
import type { UnitFormDto } from './dto/unit-form.dto';
import type { UnitsTexts } from './units.texts';

/** The fields of the unit form, as the API's CreateUnitDto names them. */
export const UNIT_FIELDS = [
  'name',
  'industry',
  'country',
  'customerType',
  'sourcing',
  'agentFte',
] as const;
export type UnitField = (typeof UNIT_FIELDS)[number];

/** What the form sent, as text, to show again with its errors. */
export type PostedUnitForm = Record<UnitField, string>;

/** The mistakes of a sent form, each at its field. */
export type UnitFieldErrors = Partial<Record<UnitField, string>>;

/** A unit as CreateUnitDto (and a full UpdateUnitDto) takes it. */
export interface UnitInput {
  name: string;
  industry: Industry;
  country: Country;
  customerType: CustomerType;
  sourcing: Sourcing;
  agentFte: number;
}

/** The bounds of CreateUnitDto's agentFte. */
const MAX_AGENT_FTE = 100_000;
const MAX_DECIMALS = 2;
const MAX_NAME_LENGTH = 200;

const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

function decimalsOf(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

/**
 * Reads the unit form: the name, a code of each profile list, and the agent FTE in the page's
 * language (`120,5` in German). Checks what CreateUnitDto checks, so that a mistake is shown at
 * its field in the person's words: a unit is either all valid (`unit`) or not stored at all.
 */
export function readUnitForm(
  body: UnitFormDto,
  language: Language,
  texts: UnitsTexts,
): { unit: UnitInput | null; posted: PostedUnitForm; errors: UnitFieldErrors } {
  const e = texts.errors;
  const posted: PostedUnitForm = {
    name: body.name ?? '',
    industry: body.industry ?? '',
    country: body.country ?? '',
    customerType: body.customerType ?? '',
    sourcing: body.sourcing ?? '',
    agentFte: body.agentFte ?? '',
  };
  const errors: UnitFieldErrors = {};
  const name = posted.name.trim();
  if (name === '') {
    errors.name = e.nameMissing;
  } else if (name.length > MAX_NAME_LENGTH) {
    errors.name = e.nameTooLong;
  }
  if (!oneOf(INDUSTRIES, posted.industry)) {
    errors.industry = e.industryMissing;
  }
  if (!oneOf(COUNTRIES, posted.country)) {
    errors.country = e.countryMissing;
  }
  if (!oneOf(CUSTOMER_TYPES, posted.customerType)) {
    errors.customerType = e.customerTypeMissing;
  }
  if (!oneOf(SOURCINGS, posted.sourcing)) {
    errors.sourcing = e.sourcingMissing;
  }
  const fte = parseNumberInput(posted.agentFte, language);
  let agentFte = NaN;
  if (fte.kind === 'empty') {
    errors.agentFte = e.agentFteMissing;
  } else if (fte.kind === 'invalid') {
    errors.agentFte = e.agentFteInvalid;
  } else if (fte.value < 0) {
    errors.agentFte = e.agentFteNegative;
  } else if (fte.value > MAX_AGENT_FTE) {
    errors.agentFte = e.agentFteTooLarge;
  } else if (decimalsOf(fte.value) > MAX_DECIMALS) {
    errors.agentFte = e.agentFteDecimals;
  } else {
    agentFte = fte.value;
  }
  if (Object.keys(errors).length > 0) {
    return { unit: null, posted, errors };
  }
  return {
    unit: {
      name,
      industry: posted.industry as Industry,
      country: posted.country as Country,
      customerType: posted.customerType as CustomerType,
      sourcing: posted.sourcing as Sourcing,
      agentFte,
    },
    posted,
    errors,
  };
}
