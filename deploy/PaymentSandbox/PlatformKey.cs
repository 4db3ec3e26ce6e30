using System.Security.Cryptography;

namespace FlashSale.PaymentSandbox;

/// <summary>
/// The sandbox's one RSA-2048 key pair, WeChat's "platform certificate": it signs every notification, and merchants
/// fetch its public half from /v3/certificates. There is no X.509 certificate; the public key stands in for it.
/// </summary>
internal sealed class PlatformKey : IDisposable
{
    private readonly RSA _rsa;
    private readonly Lock _signing = new();

    private PlatformKey(RSA rsa, DateTimeOffset effectiveTime, string source)
    {
        _rsa = rsa;
        EffectiveTime = effectiveTime;
        Source = source;
        PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem();
        Serial = Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()), 0, 16);
    }

    /// <summary>The first 16 bytes of SHA-256 over the public key's SubjectPublicKeyInfo, upper-case hex: stable for as long as the key file is.</summary>
    public string Serial { get; }

    public string PublicKeyPem { get; }

    public DateTimeOffset EffectiveTime { get; }

    public DateTimeOffset ExpireTime => EffectiveTime.AddYears(5);

    /// <summary>Where the key came from, for the start-up log.</summary>
    public string Source { get; }

    public static PlatformKey LoadOrCreate(string keyFile, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (string.IsNullOrEmpty(keyFile))
        {
            return new PlatformKey(RSA.Create(2048), Seconds(now), "generated, in memory only");
        }

        if (File.Exists(keyFile))
        {
            return Load(keyFile);
        }

        var rsa = RSA.Create(2048);
        if (TryWriteNew(keyFile, rsa.ExportPkcs8PrivateKeyPem()))
        {
            return new PlatformKey(rsa, Seconds(now), $"generated, written to {keyFile}");
        }

        // Another sandbox started at the same moment wrote it first: use theirs, so that both sign alike.
        rsa.Dispose();
        return Load(keyFile);
    }

    /// <summary>Base64 of RSA-SHA256 PKCS#1 v1.5 over <paramref name="message"/>, as WeChat signs.</summary>
    public string Sign(byte[] message)
    {
        // RSA instances promise nothing about concurrent use; signing takes a millisecond.
        lock (_signing)
        {
            return Convert.ToBase64String(_rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
    }

    public void Dispose() => _rsa.Dispose();

    private static PlatformKey Load(string keyFile)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(keyFile));
        return new PlatformKey(rsa, Seconds(new DateTimeOffset(File.GetLastWriteTimeUtc(keyFile), TimeSpan.Zero)), $"loaded from {keyFile}");
    }

    /// <summary>Writes beside the target and moves into place, so that no reader ever sees half a key.</summary>
    private static bool TryWriteNew(string keyFile, string pem)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(keyFile))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(keyFile)}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, fileOptions))
        {
            writer.Write(pem);
        }

        try
        {
            File.Move(temporary, keyFile, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            File.Delete(temporary);
            return false;
        }
    }

    private static DateTimeOffset Seconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
