using GongGrid.Runtime.Activation;

namespace GongGrid.Runtime.Timers;

/// <summary>
/// A timer owned by one activation. Each tick is queued as a turn, so the callback never runs beside a call;
/// a tick that finds the previous one still waiting is skipped rather than piling up.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly GrainActivation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly bool _keepAlive;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private int _tickPending;

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _keepAlive = options.KeepAlive;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, options.DueTime, options.Period);
    }

    public void Dispose()
    {
        _timer.Dispose();
        _disposed.Cancel();
        _activation.ForgetTimer(this);
    }

    private void OnTick()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _tickPending, 1) == 1)
        {
            return;
        }
        _activation.Enqueue(new Tick(this));
    }

    private sealed class Tick(GrainTimer timer) : WorkItem(null)
    {
        public override bool FollowsGrain => false;

        public override Task Start(GrainActivation activation)
        {
            Volatile.Write(ref timer._tickPending, 0);
            if (timer._keepAlive)
            {
                activation.Touch();
            }
            return timer._disposed.IsCancellationRequested ? Task.CompletedTask : timer._callback(timer._disposed.Token);
        }

        public override void Finish(GrainActivation activation, Task turn)
        {
            if (turn.IsFaulted)
            {
                activation.Runtime.LogTimerFailure(activation.GrainId, turn.Exception!.GetBaseException());
            }
        }

        public override void Reject(Exception error) => Volatile.Write(ref timer._tickPending, 0);
    }
}
