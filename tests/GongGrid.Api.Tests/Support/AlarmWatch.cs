using GongGrid.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace GongGrid.Api.Tests.Support;

/// <summary>An open WatchAlarms stream, as a dashboard holds it, with every event read so far.</summary>
public sealed class AlarmWatch : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly AsyncServerStreamingCall<AlarmEvent> _call;

    public AlarmWatch(GrpcChannel channel, WatchAlarmsRequest request, string token) =>
        _call = new AlarmService.AlarmServiceClient(channel).WatchAlarms(request, new CallOptions(ApiSilo.Bearer(token)));

    public List<AlarmEvent> Seen { get; } = [];

    /// <summary>Reads until an event matches, failing after 10 s; the events read on the way stay in <see cref="Seen"/>.</summary>
    public async Task<AlarmEvent> NextAsync(Func<AlarmEvent, bool> wanted)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (await _call.ResponseStream.MoveNext(patience.Token))
        {
            Seen.Add(_call.ResponseStream.Current);
            if (wanted(_call.ResponseStream.Current))
            {
                return _call.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException("the alarm stream ended");
    }

    /// <summary>The next event about <paramref name="alarmId"/> in <paramref name="status"/>.</summary>
    public Task<AlarmEvent> NextAsync(string alarmId, AlarmStatus status) =>
        NextAsync(change => change.Alarm.AlarmId == alarmId && change.Alarm.Status == status);

    /// <summary>Reads the first event; the status the silo ended the stream with when it refused it.</summary>
    public async Task FirstAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        if (await _call.ResponseStream.MoveNext(patience.Token))
        {
            Seen.Add(_call.ResponseStream.Current);
        }
    }

    public ValueTask DisposeAsync()
    {
        _call.Dispose();
        return ValueTask.CompletedTask;
    }
}
