using System.Collections.Concurrent;
using System.Threading.Channels;
using GongGrid.Grains.Alarms;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Silo.Api.Streams;

/// <summary>
/// Fans alarm changes out to the streams watching them. A watcher that falls 1,024 changes behind is cut off
/// rather than allowed to hold up the district grain, which calls in here while it waits.
/// </summary>
public sealed class AlarmFeed : IAlarmListener
{
    private const int Backlog = 1024;
    private readonly ConcurrentDictionary<Watcher, byte> _watchers = new();

    public void OnAlarmChanged(Alarm alarm)
    {
        foreach (var watcher in _watchers.Keys)
        {
            if (watcher.Covers(alarm.VillageKey) && !watcher.Changes.Writer.TryWrite(alarm))
            {
                watcher.Changes.Writer.TryComplete(new WatcherTooSlowException());
            }
        }
    }

    /// <summary>Watches alarms under <paramref name="scope"/> (a district or commune key) until disposed.</summary>
    public Watcher Watch(string scope)
    {
        var watcher = new Watcher(scope, this);
        _watchers.TryAdd(watcher, 0);
        return watcher;
    }

    public sealed class Watcher(string scope, AlarmFeed feed) : IDisposable
    {
        public Channel<Alarm> Changes { get; } = Channel.CreateBounded<Alarm>(new BoundedChannelOptions(Backlog) { SingleReader = true });

        public bool Covers(string villageKey) => GrainKeys.IsWithin(villageKey, scope);

        public void Dispose() => feed._watchers.TryRemove(this, out _);
    }
}

/// <summary>The watcher did not read alarm changes as fast as they came.</summary>
public sealed class WatcherTooSlowException() : Exception("the alarm stream fell more than 1,024 changes behind; open it again");
