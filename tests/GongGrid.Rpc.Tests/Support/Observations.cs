using System.Collections.Concurrent;
using GongGrid.Rpc.Server;

namespace GongGrid.Rpc.Tests.Support;

/// <summary>What the test service saw, per call id: that a call started, that its CancellationToken fired, that it ended.</summary>
public sealed class Observations
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _cancelled = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _finished = new();

    /// <summary>Records the call as started and, while the handler runs, whether its token fires; dispose as it ends.</summary>
    public IDisposable Watch(string id, ServerCallContext context)
    {
        Signal(_started, id);
        return new Watcher(this, id, context.CancellationToken.Register(() => Signal(_cancelled, id)));
    }

    public bool Started(string id) => _started.TryGetValue(id, out var started) && started.Task.IsCompleted;

    public int StartedCount => _started.Values.Count(started => started.Task.IsCompleted);

    /// <summary>True once the call reached its handler, false if it did not within <paramref name="within"/>.</summary>
    public async Task<bool> StartedWithin(string id, TimeSpan within)
    {
        var started = Source(_started, id).Task;
        return await Task.WhenAny(started, Task.Delay(within)) == started;
    }

    /// <summary>True once the handler returned or threw, false if it had not within <paramref name="within"/>.</summary>
    public async Task<bool> FinishedWithin(string id, TimeSpan within)
    {
        var finished = Source(_finished, id).Task;
        return await Task.WhenAny(finished, Task.Delay(within)) == finished;
    }

    /// <summary>True once the handler's token fired, false if it did not within <paramref name="within"/>.</summary>
    public async Task<bool> CancelledWithin(string id, TimeSpan within)
    {
        var fired = Source(_cancelled, id).Task;
        return await Task.WhenAny(fired, Task.Delay(within)) == fired;
    }

    private static void Signal(ConcurrentDictionary<string, TaskCompletionSource> map, string id) =>
        Source(map, id).TrySetResult();

    private static TaskCompletionSource Source(ConcurrentDictionary<string, TaskCompletionSource> map, string id) =>
        map.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Watcher(Observations observed, string id, CancellationTokenRegistration registration) : IDisposable
    {
        public void Dispose()
        {
            registration.Dispose();
            Signal(observed._finished, id);
        }
    }
}
