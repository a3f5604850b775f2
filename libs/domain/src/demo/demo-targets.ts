import { max, min } from './demo-math.util';

/** Per reference year: the calibration targets (published figures for 2023 and 2024). */
interface YearTargets {
  trainingNewMedian: number;
  trainingOngoingMedian: number;
  attritionMedian: number;
  valueCreatingShare: number;
  upsellPooled: number;
  costPerCustomerShare: number;
  cesMean: number;
  /** The median of CES over the units that measure it. */
  cesMedian: number;
  measuresCesShare: number;
  digitalShift: number;
}

// 2024 is the latest published cycle, 2023 the one before; 2025 continues the trends mildly.
const TARGETS: Readonly<Record<number, YearTargets>> = {
  2023: {
    trainingNewMedian: 20.8,
    trainingOngoingMedian: 5,
    attritionMedian: 30,
    valueCreatingShare: 0.1,
    upsellPooled: 7,
    costPerCustomerShare: 0.1,
    cesMean: 3.7,
    cesMedian: 3.6,
    measuresCesShare: 0.32,
    digitalShift: 0,
  },
  2024: {
    trainingNewMedian: 27,
    trainingOngoingMedian: 5.5,
    attritionMedian: 23,
    valueCreatingShare: 0.13,
    upsellPooled: 8,
    costPerCustomerShare: 0.13,
    cesMean: 3.45,
    cesMedian: 3.4,
    measuresCesShare: 0.36,
    digitalShift: 0.03,
  },
  2025: {
    trainingNewMedian: 28.5,
    trainingOngoingMedian: 6,
    attritionMedian: 21.5,
    valueCreatingShare: 0.15,
    upsellPooled: 8.5,
    costPerCustomerShare: 0.15,
    cesMean: 3.3,
    cesMedian: 3.3,
    measuresCesShare: 0.4,
    digitalShift: 0.05,
  },
};

/** Targets of a year outside 2023-2025: the nearest known year's. */
export function targetsFor(year: number): YearTargets {
  return TARGETS[min(2025, max(2023, year))];
}

/** First-contact resolution gained per additional training day (the cockpit's business case). */
export const FCR_PER_TRAINING_DAY = 0.9;
/** Share of optional items a submitter leaves blank. */
export const BLANK_SHARE = 0.1;
/** Share of a cycle's submissions with one planted implausible value (4 of 180). */
export const IMPLAUSIBLE_SHARE = 0.022;
