namespace FlashSale.Api.Risk.Challenges;

/// <summary>What the widget sends once it has solved a challenge, as base64 of this JSON: the challenge as it was given, and the solution.</summary>
internal sealed record AltchaPayload(AltchaChallenge Challenge, AltchaSolution Solution);

/// <summary>The counter found and the key it derives (hex). The widget also says how long it took, which is not read.</summary>
internal sealed record AltchaSolution(uint Counter, string DerivedKey);
