namespace FlashSale.Scalpers.Crowd;

/// <summary>
/// One ordinary shopper: an account, one device id for good, one browser, one address; when they open the
/// campaign's page and when they press Claim, relative to the opening (negative: before it).
/// </summary>
/// <param name="Where">"home" or "carrier NAT n", for the report.</param>
public sealed record OrdinaryShopper(int Number, string Id, string Device, string Address, string Where, HeaderSet Headers, TimeSpan ReadsAt, TimeSpan ClaimsAt);
