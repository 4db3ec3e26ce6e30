namespace FlashSale.FaultInjection.Load;

/// <summary>Creates the run's campaigns, all but one as the default merchant's marketer.</summary>
public static class SaleSetup
{
    public static async Task<Sale> CreateAsync(Uri api, Tokens tokens, int scarceStock)
    {
        using var marketer = new CampaignCreator(api, await tokens.ForAsync(Staff.Marketer));
        using var otherMarketer = new CampaignCreator(api, await tokens.ForAsync(Staff.OtherMarketer));
        var twenty = new { kind = "fixed", currency = "CNY", amountOff = 20 };
        return new Sale(
            await marketer.CreateAsync(new SaleCampaign("Fault run: plenty", Guid.Empty, 1_000_000, 2, 3, 2), twenty),
            await marketer.CreateAsync(new SaleCampaign("Fault run: scarce", Guid.Empty, scarceStock, 1, 2, 2), twenty),
            new ControlledCampaigns(
                await marketer.CreateAsync(new SaleCampaign("Fault run: paused and resumed", Guid.Empty, 1_000_000, 1), twenty),
                await marketer.CreateAsync(new SaleCampaign("Fault run: ended early", Guid.Empty, 1_000_000, 1), twenty),
                await marketer.CreateAsync(new SaleCampaign("Fault run: topped up", Guid.Empty, ControlledCampaigns.FirstStock, 1), twenty)),
            new MoneyCampaigns(
                await marketer.CreateAsync(new SaleCampaign("Money: ¥20 off, stacks, transferable", Guid.Empty, 1_000_000, 2), twenty,
                    use: new { transfer = "free", stackable = true }),
                await marketer.CreateAsync(new SaleCampaign("Money: ¥15 off from ¥100, stacks", Guid.Empty, 1_000_000, 1),
                    new { kind = "threshold", currency = "CNY", minSpend = 100, amountOff = 15 }),
                await marketer.CreateAsync(new SaleCampaign("Money: ¥50 off, alone", Guid.Empty, 1_000_000, 1),
                    new { kind = "fixed", currency = "CNY", amountOff = 50 }, use: new { stackable = false }),
                await marketer.CreateAsync(new SaleCampaign("Money: ¥100 gift card, transferable", Guid.Empty, 1_000_000, 1),
                    new { kind = "giftcard", currency = "CNY", cardValue = MoneyCampaigns.CardValue }, use: new { transfer = "free" }),
                await marketer.CreateAsync(new SaleCampaign("Money: 100 points card", Guid.Empty, 1_000_000, 1),
                    new { kind = "points", points = MoneyCampaigns.CardPoints }),
                await marketer.CreateAsync(new SaleCampaign("Money: ¥10 off for 50 points", Guid.Empty, 1_000_000, 2),
                    new { kind = "fixed", currency = "CNY", amountOff = 10 }, price: new { points = MoneyCampaigns.Price }),
                await otherMarketer.CreateAsync(new SaleCampaign("Money: another merchant's ¥30 off", Guid.Empty, 1_000_000, 1),
                    new { kind = "fixed", currency = "CNY", amountOff = 30 }),
                await marketer.CreateAsync(new SaleCampaign("Money: ¥5 off for 3 seconds, recycled", Guid.Empty, 1_000_000, 1),
                    new { kind = "fixed", currency = "CNY", amountOff = 5 }, use: new { recycleExpired = true }, validFor: TimeSpan.FromSeconds(3))));
    }
}
