// Texts of HR's cycle screens (periods, rater assignments, progress, quality, exports) and the help pages. Indonesian defines the keys; English must match.

export const hrId = {
  'nav.hr.placeholder': '',
};

export const hrEn: Record<keyof typeof hrId, string> = {
  'nav.hr.placeholder': '',
};

/** English texts for this area's server error codes. */
export const hrErrorCodes: Record<string, string> = {};
