namespace FlashSale.Api.Risk.Challenges;

/// <summary>What checking a claim's proof of work found. Only <see cref="Verified"/> lets the claim through.</summary>
public enum ChallengeCheck
{
    /// <summary>A challenge of ours, unexpired, for this claim, hard enough, and solved.</summary>
    Verified,

    /// <summary>No payload was sent.</summary>
    Missing,

    /// <summary>Not a payload the widget could have sent for one of our challenges: too long, not base64, not the JSON, not the algorithm.</summary>
    Malformed,

    /// <summary>Its parameters are not the ones we signed.</summary>
    BadSignature,

    /// <summary>Solved too late, or solved long ago and kept.</summary>
    Expired,

    /// <summary>Issued for another shopper, campaign or claim Idempotency-Key.</summary>
    WrongSubject,

    /// <summary>Easier than the claim now calls for.</summary>
    TooEasy,

    /// <summary>The counter does not derive the key sent, or that key does not start with the prefix asked for.</summary>
    WrongSolution,
}
