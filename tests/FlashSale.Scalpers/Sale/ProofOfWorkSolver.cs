using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FlashSale.Scalpers.Sale;

/// <summary>
/// Solves the API's ALTCHA v2 challenges (PBKDF2/SHA-256) natively, as a farm's script would: counters tried in
/// turn until the derived key starts with the challenge's hex prefix, on at most <c>threads</c> threads at
/// once (each solve on a thread of its own, at the lowest priority: <see cref="LowPriority"/>), and the CPU it
/// cost counted per thread. The answer is the
/// widget's payload for <c>X-Altcha</c>: base64 of the challenge as given with the solution.
/// </summary>
public sealed class ProofOfWorkSolver(int threads)
{
    private readonly SemaphoreSlim _threads = new(threads);
    private readonly Lock _lock = new();
    private int _solved;
    private long _iterations;
    private double _cpuSeconds;
    private double _wallSeconds;

    public SolverUsage Usage
    {
        get
        {
            lock (_lock)
            {
                return new SolverUsage(threads, _solved, _iterations, Math.Round(_cpuSeconds, 2), Math.Round(_wallSeconds, 2));
            }
        }
    }

    /// <returns>The payload; null when cancelled first.</returns>
    public async Task<string?> SolveAsync(JsonElement challenge, CancellationToken cancellationToken)
    {
        try
        {
            await _threads.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        try
        {
            return await Task.Factory.StartNew(() => Solve(challenge, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            _threads.Release();
        }
    }

    private string? Solve(JsonElement challenge, CancellationToken cancellationToken)
    {
        LowPriority.ForThisThread();
        var (cpuFrom, wallFrom) = (ThreadCpu.Seconds(), Stopwatch.GetTimestamp());
        var parameters = challenge.GetProperty("parameters");
        var nonce = Convert.FromHexString(parameters.GetProperty("nonce").GetString()!);
        var salt = Convert.FromHexString(parameters.GetProperty("salt").GetString()!);
        var cost = parameters.GetProperty("cost").GetInt32();
        var prefix = Convert.FromHexString(PaddedToBytes(parameters.GetProperty("keyPrefix").GetString()!));
        var prefixDigits = parameters.GetProperty("keyPrefix").GetString()!.Length;
        var key = new byte[parameters.GetProperty("keyLength").GetInt32()];
        var password = new byte[nonce.Length + sizeof(uint)];
        nonce.CopyTo(password, 0);
        var counter = 0u;
        try
        {
            for (; ; counter++)
            {
                if ((counter & 15) == 0 && cancellationToken.IsCancellationRequested)
                {
                    return null;
                }

                BinaryPrimitives.WriteUInt32BigEndian(password.AsSpan(nonce.Length), counter);
                Rfc2898DeriveBytes.Pbkdf2(password, salt, key, cost, HashAlgorithmName.SHA256);
                if (StartsWith(key, prefix, prefixDigits))
                {
                    var payload = JsonSerializer.Serialize(new { challenge, solution = new { counter, derivedKey = Convert.ToHexStringLower(key) } });
                    lock (_lock)
                    {
                        _solved++;
                    }

                    return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
                }
            }
        }
        finally
        {
            var (cpu, wall) = (ThreadCpu.Seconds() - cpuFrom, Stopwatch.GetElapsedTime(wallFrom).TotalSeconds);
            lock (_lock)
            {
                _iterations += (counter + 1L) * cost;
                _cpuSeconds += cpu;
                _wallSeconds += wall;
            }
        }
    }

    // An odd number of hex digits is read as bytes with a zero nibble added; StartsWith compares only the digits given.
    private static string PaddedToBytes(string hex) => hex.Length % 2 == 0 ? hex : hex + "0";

    private static bool StartsWith(byte[] key, byte[] prefix, int digits)
    {
        for (var i = 0; i < digits; i++)
        {
            var shift = i % 2 == 0 ? 4 : 0;
            if (((key[i / 2] >> shift) & 0xF) != ((prefix[i / 2] >> shift) & 0xF))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What solving cost: challenges solved, PBKDF2 iterations, CPU seconds on the solving threads and their wall time.</summary>
public sealed record SolverUsage(int Threads, int Solved, long Pbkdf2Iterations, double CpuSeconds, double WallSeconds);
