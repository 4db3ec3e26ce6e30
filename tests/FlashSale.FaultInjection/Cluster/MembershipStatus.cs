namespace FlashSale.FaultInjection.Cluster;

/// <summary>The values Orleans writes in orleans_membership.status (its SiloStatus enum) that the run waits for.</summary>
public enum MembershipStatus
{
    Unknown = 0,
    Active = 3,
    Dead = 6,
}
