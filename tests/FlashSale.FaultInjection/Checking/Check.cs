namespace FlashSale.FaultInjection.Checking;

public sealed record Check(string Name, bool Passed, string Detail);
