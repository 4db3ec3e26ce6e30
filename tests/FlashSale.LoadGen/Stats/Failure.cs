namespace FlashSale.LoadGen.Stats;

/// <summary>A request that got no HTTP answer.</summary>
public enum Failure
{
    /// <summary>The connection failed or closed under it.</summary>
    Transport,

    /// <summary>No answer within <c>--timeout</c>.</summary>
    Timeout,

    /// <summary>Open loop: still waiting for a connection when the run gave up draining its backlog.</summary>
    Unsent,
}
