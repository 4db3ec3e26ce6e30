// Whether two variants' redemption rates differ by more than chance: a two-sided two-proportion
// z-test with the pooled rate. Pure, so that it can be checked by hand: 50 of 100 against 65 of 100
// gives z ≈ 2.15, p ≈ 0.032, significant at 95%.
export function twoProportionTest(redeemedA, issuedA, redeemedB, issuedB) {
  if (issuedA === 0 || issuedB === 0) return null;
  const pooled = (redeemedA + redeemedB) / (issuedA + issuedB);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / issuedA + 1 / issuedB));
  if (standardError === 0) return { z: 0, p: 1, significant: false };
  const z = (redeemedB / issuedB - redeemedA / issuedA) / standardError;
  const p = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { z, p, significant: p < 0.05 };
}

// Φ(x) for x ≥ 0, through erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7, ample for a p-value).
function normalCdf(x) {
  const t = 1 / (1 + 0.3275911 * (x / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return 0.5 * (1 + (1 - poly * Math.exp(-(x * x) / 2)));
}
