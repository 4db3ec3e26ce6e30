namespace FlashSale.PaymentSandbox;

/// <summary>GET /v3/certificates: the platform public key, encrypted with the channel's APIv3 key, which is why a merchant may trust it.</summary>
internal static class CertificateEndpoints
{
    private const string AssociatedData = "certificate";

    public static void MapCertificates(this RouteGroupBuilder merchant) => merchant.MapGet("/certificates", Certificates);

    private static IResult Certificates(string channel, PaymentChannels channels, PlatformKey key)
    {
        var sealedKey = channels.Get(channel).Cipher.Encrypt(AssociatedData, System.Text.Encoding.ASCII.GetBytes(key.PublicKeyPem));
        var certificate = new PlatformCertificate(
            key.Serial, ChinaTime.Format(key.EffectiveTime), ChinaTime.Format(key.ExpireTime),
            new EncryptCertificate(ResourceCipher.Algorithm, sealedKey.Nonce, AssociatedData, sealedKey.Ciphertext));
        return Results.Json(new CertificateList([certificate]), SandboxJson.Gateway);
    }
}
