namespace FlashSale.Scalpers.Crowd;

/// <summary>One of the farm's accounts: its id, the address its script calls from, and the script's headers.</summary>
public sealed record FarmAccount(int Number, string Id, string Address, int Range, HeaderSet Headers);
