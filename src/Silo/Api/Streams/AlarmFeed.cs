using System.Collections.Concurrent;
using System.Threading.Channels;
using GongGrid.Grains.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GongGrid.Silo.Api.Streams;

/// <summary>
/// Fans alarm changes out to the streams watching them on this silo, whichever silo their district grain is on. The
/// feed is a grain observer (<see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}"/>) subscribed
/// to each district its streams watch, renewed every 10 s while one is open; the district keeps the subscriptions in
/// Orleans's ObserverManager and tells them one-way, so it never waits on a watcher, and a subscription not renewed
/// (its silo died) lapses after a minute. Observers rather than a broadcast channel: a broadcast channel delivers to
/// grains, one activation per channel somewhere in the cluster, not to every silo holding streams, and it would reach
/// silos with no watcher of that district at all. A watcher that falls 1,024 changes behind is cut off; so are a
/// district's watchers when a renewal finds that the district was activated anew and had forgotten this feed, as
/// changes may have gone unsent meanwhile: they open the watch again and start from a snapshot.
/// </summary>
public sealed class AlarmFeed(IGrainFactory grains, ILogger<AlarmFeed> logger) : BackgroundService, IAlarmWatcher
{
    private const int Backlog = 1024;
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<Watcher, byte> _watchers = new();
    private readonly Dictionary<string, Task<bool>> _subscriptions = [];
    private readonly Lock _gate = new();
    private IAlarmWatcher? _self;

    public Task OnAlarmChangedAsync(Alarm alarm)
    {
        foreach (var watcher in _watchers.Keys)
        {
            if (watcher.Covers(alarm.VillageKey) && !watcher.Changes.Writer.TryWrite(alarm))
            {
                watcher.Changes.Writer.TryComplete(new WatcherTooSlowException());
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Watches alarms under <paramref name="scope"/> (a district or commune key) until disposed; returns once the
    /// district will tell this silo of its changes, so a snapshot read afterwards misses none.
    /// </summary>
    public async Task<Watcher> WatchAsync(string scope)
    {
        var watcher = new Watcher(scope, this);
        Task<bool> subscribed;
        lock (_gate)
        {
            _watchers.TryAdd(watcher, 0);
            if (!_subscriptions.TryGetValue(watcher.District, out subscribed!) || subscribed.IsFaulted || subscribed.IsCanceled)
            {
                _self ??= grains.CreateObjectReference<IAlarmWatcher>(this);
                _subscriptions[watcher.District] = subscribed = grains.GetGrain<IDistrictGrain>(watcher.District).WatchAlarmsAsync(_self);
            }
        }

        try
        {
            await subscribed;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var district in WatchedDistricts())
            {
                await RenewAsync(district);
            }
        }
    }

    /// <summary>Districts some open stream watches and whose subscription is in place; the others are let lapse.</summary>
    private List<string> WatchedDistricts()
    {
        lock (_gate)
        {
            var watched = _watchers.Keys.Select(watcher => watcher.District).ToHashSet();
            foreach (var district in _subscriptions.Keys.Where(district => !watched.Contains(district)).ToList())
            {
                _subscriptions.Remove(district);
            }
            return [.. _subscriptions.Where(subscription => subscription.Value.IsCompletedSuccessfully).Select(subscription => subscription.Key)];
        }
    }

    private async Task RenewAsync(string district)
    {
        try
        {
            if (!await grains.GetGrain<IDistrictGrain>(district).WatchAlarmsAsync(_self!))
            {
                CutOff(district, new AlarmFeedInterruptedException(district));
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Tried again at the next renewal; a minute of failures and the district lets the subscription lapse, and
            // the renewal that then succeeds finds it forgotten and cuts the watchers off.
            logger.LogWarning(error, "Renewing the alarm subscription to district {District} failed", district);
        }
    }

    private void CutOff(string district, Exception why)
    {
        foreach (var watcher in _watchers.Keys.Where(watcher => watcher.District == district))
        {
            watcher.Changes.Writer.TryComplete(why);
        }
    }

    public sealed class Watcher(string scope, AlarmFeed feed) : IDisposable
    {
        public Channel<Alarm> Changes { get; } = Channel.CreateBounded<Alarm>(new BoundedChannelOptions(Backlog) { SingleReader = true });

        public string District { get; } = GrainKeys.District(scope);

        public bool Covers(string villageKey) => GrainKeys.IsWithin(villageKey, scope);

        public void Dispose() => feed._watchers.TryRemove(this, out _);
    }
}

/// <summary>The watcher did not read alarm changes as fast as they came.</summary>
public sealed class WatcherTooSlowException() : Exception("the alarm stream fell more than 1,024 changes behind; open it again");

/// <summary>The district's grain was activated anew (its silo stopped or died) and changes may have gone unsent.</summary>
public sealed class AlarmFeedInterruptedException(string district)
    : Exception($"the alarms of district '{district}' moved to another silo and changes may have been missed; watch again");
