using System.Diagnostics;
using System.Threading.Channels;
using GongGrid.Api.V1;
using Grpc.Core;

namespace GongGrid.Testing.Cluster;

/// <summary>A WatchAlarms stream of the whole district open on one silo, as a police dashboard holds it; each event is stamped when it arrived.</summary>
public sealed class ClusterAlarmWatch : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<AlarmEvent> _call;
    private readonly Channel<(AlarmEvent Event, long At)> _events = Channel.CreateUnbounded<(AlarmEvent, long)>();
    private readonly Task<StatusCode> _pumping;

    private ClusterAlarmWatch(ClusterSilo silo)
    {
        Silo = silo;
        _call = new AlarmService.AlarmServiceClient(silo.Channel).WatchAlarms(
            new WatchAlarmsRequest { DistrictKey = TonightInTheCluster.District }, new CallOptions([new("authorization", $"Bearer {ClusterSilo.PoliceToken}")]));
        _pumping = PumpAsync();
    }

    public ClusterSilo Silo { get; }

    /// <summary>Opens the watch and waits for the silo's headers: from then on it is live.</summary>
    public static async Task<ClusterAlarmWatch> OpenAsync(ClusterSilo silo)
    {
        var watch = new ClusterAlarmWatch(silo);
        await watch._call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(20));
        return watch;
    }

    /// <summary>The first event <paramref name="wanted"/> and its <see cref="Stopwatch"/> timestamp; null when none came within <paramref name="patience"/>.</summary>
    public async Task<(AlarmEvent Event, long At)?> NextAsync(Func<AlarmEvent, bool> wanted, TimeSpan patience)
    {
        using var waiting = new CancellationTokenSource(patience);
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(waiting.Token);
                if (wanted(next.Event))
                {
                    return next;
                }
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The status the stream ended with, once it has; reading on stops there.</summary>
    public Task<StatusCode> Ended => _pumping;

    private async Task<StatusCode> PumpAsync()
    {
        try
        {
            await foreach (var change in _call.ResponseStream.ReadAllAsync())
            {
                _events.Writer.TryWrite((change, Stopwatch.GetTimestamp()));
            }
            return StatusCode.OK;
        }
        catch (RpcException ended)
        {
            return ended.StatusCode;
        }
        catch (Exception ended) when (ended is OperationCanceledException or IOException)
        {
            return StatusCode.Cancelled;
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        await _pumping;
    }
}
