using GongGrid.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace GongGrid.Grains.Alarms;

/// <summary>
/// The silos' alarm feeds subscribed to one district (Orleans's <see cref="ObserverManager{TObserver}"/>): each feed
/// renews its subscription every few seconds while it has streams open, and one not renewed for a minute lapses, so
/// the feed of a silo that died is dropped without anyone saying so. Held in memory by the district's activation.
/// </summary>
public sealed class AlarmWatchers(ILogger logger)
{
    /// <summary>How long a subscription lasts without renewal; feeds renew every 10 s (the silo's AlarmFeed).</summary>
    public static readonly TimeSpan Lapse = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IAlarmWatcher> _watchers = new(Lapse, logger);

    /// <summary>Subscribes or renews; true when the watcher was already subscribed.</summary>
    public bool Watch(IAlarmWatcher watcher)
    {
        var before = _watchers.Count;
        _watchers.Subscribe(watcher, watcher);
        return _watchers.Count == before;
    }

    /// <summary>Tells every watcher, one-way: no watcher is waited for, and lapsed ones are dropped on the way.</summary>
    public void Tell(Alarm alarm) => _watchers.Notify(watcher => watcher.OnAlarmChangedAsync(alarm));
}
