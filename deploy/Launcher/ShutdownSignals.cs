using System.Runtime.InteropServices;

namespace FlashSale.Launcher;

/// <summary>
/// SIGINT (Ctrl-C), SIGTERM and SIGHUP ask the launcher to stop everything in order; the first one decides the
/// exit status, 128 + its number as a shell's would be. Later ones are ignored: the stop is under way.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _received = new();
    private readonly List<PosixSignalRegistration> _registrations;
    private int _exitStatus;

    public ShutdownSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Receive(context, Signals.Interrupt)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Receive(context, Signals.Terminate)),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Receive(context, Signals.Hangup)),
        ];
    }

    public CancellationToken Token => _received.Token;

    /// <summary>128 + the first signal's number; 0 while none has come.</summary>
    public int ExitStatus => Volatile.Read(ref _exitStatus);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _received.Dispose();
    }

    private void Receive(PosixSignalContext context, int signal)
    {
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _exitStatus, 128 + signal, 0) == 0)
        {
            Messages.Say($"received {Signals.Name(signal)}, shutting down...");
            _received.Cancel();
        }
    }
}
