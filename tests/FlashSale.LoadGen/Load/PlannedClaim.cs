using System.Runtime.InteropServices;

namespace FlashSale.LoadGen.Load;

/// <summary>What one request claims: which shopper, on which campaign, under which key.</summary>
/// <param name="Shopper">Index into the shopper pool.</param>
/// <param name="Campaign">Index into the run's campaigns.</param>
/// <param name="KeySequence">Names the Idempotency-Key; see <see cref="IdempotencyKeys"/>.</param>
/// <param name="ReplayOf">For a replay, the coupon the key got the first time; null for a fresh key.</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct PlannedClaim(int Shopper, int Campaign, long KeySequence, Guid? ReplayOf);
