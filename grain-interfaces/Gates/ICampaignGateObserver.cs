namespace FlashSale.GrainInterfaces.Gates;

/// <summary>Implemented by each API node, which keeps the gates it hears of to refuse claims locally.</summary>
[Alias("FlashSale.ICampaignGateObserver")]
public interface ICampaignGateObserver : IGrainObserver
{
    [OneWay, Alias("GateChanged")]
    Task GateChanged(CampaignGate gate);
}
