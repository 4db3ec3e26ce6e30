namespace FlashSale.LoadGen.Setup;

/// <summary>Makes the bearer tokens the servers accept: the subject is the user, the role says what they may do.</summary>
public interface ITokenMinter
{
    /// <summary>How many tokens to mint at once: a local minter is bound by cores, a remote one by the server.</summary>
    int Parallelism { get; }

    ValueTask<string> MintAsync(string userId, string role, CancellationToken cancellationToken);
}
