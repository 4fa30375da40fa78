// Texts of the employee's and the supervisor's screens of the evaluation cycle. Indonesian defines the keys; English must match.

export const cycleId = {
  'nav.cycle.placeholder': '',
};

export const cycleEn: Record<keyof typeof cycleId, string> = {
  'nav.cycle.placeholder': '',
};

/** English texts for this area's server error codes. */
export const cycleErrorCodes: Record<string, string> = {};
