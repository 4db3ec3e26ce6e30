using FlashSale.Operations.Settings;

namespace FlashSale.Api.Risk.Challenges;

public static class ProofOfWorkSetup
{
    /// <summary>Proof-of-work challenges for claims: <see cref="ProofOfWork"/> and its settings, <c>Risk:Challenges</c>.</summary>
    public static IServiceCollection AddProofOfWork(this IServiceCollection services)
    {
        services.AddSettings<ChallengeSettings>(ChallengeSettings.Section);
        services.AddSingleton<ProofOfWork>();
        return services;
    }
}
