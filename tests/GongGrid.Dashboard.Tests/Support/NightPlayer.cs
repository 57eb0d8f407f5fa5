using System.Globalization;
using GongGrid.Api.V1;
using GongGrid.EdgeBridge.Devices;
using GongGrid.Grains.Roster;
using GongGrid.Silo.Time;
using GongGrid.Simulator.Night;
using GongGrid.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace GongGrid.Dashboard.Tests.Support;

/// <summary>
/// An edge bridge for the whole district playing the simulator's night into the served silo over the gRPC ingest
/// stream, paced by a clock that runs like the silo's; it can also press an alarm button between two batches.
/// </summary>
public sealed class NightPlayer : IAsyncDisposable
{
    /// <summary>The part of the night played: from the silo's start past the peace rounds' window.</summary>
    private static readonly TimeSpan Played = TimeSpan.FromMinutes(30);

    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<IngestRequest, IngestResponse> _stream;
    private readonly SemaphoreSlim _oneBatchAtATime = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly AcceleratedTimeProvider _clock = new(DateTimeOffset.Parse(DashboardSilo.Clock, CultureInfo.InvariantCulture), DashboardSilo.Speed);
    private readonly Task _playing;
    private long _bridgeSequence;

    private NightPlayer(ServedSilo silo)
    {
        _channel = GrpcChannel.ForAddress(silo.Address);
        var bearer = new Metadata { { "authorization", $"Bearer {silo.Token(DashboardSilo.BridgeToken)}" } };
        _stream = new IngestService.IngestServiceClient(_channel).Ingest(bearer, cancellationToken: _stop.Token);
        _playing = PlayAsync();
    }

    /// <summary>Events the silo applied so far.</summary>
    public int Applied { get; private set; }

    public static NightPlayer Start(ServedSilo silo) => new(silo);

    /// <summary>Presses an alarm button (fire) now and returns once the silo acknowledged the event.</summary>
    public async Task<EventAck> PressAlarmButtonAsync(string deviceKey)
    {
        var press = new DeviceEvent
        {
            DeviceKey = deviceKey,
            EventId = $"dashboard-test-alarm-{Guid.NewGuid():N}",
            DeviceTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(_clock.GetUtcNow()),
            ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(_clock.GetUtcNow()),
            Sequence = 1,
            AlarmButton = new AlarmButton { Kind = AlarmKind.Fire },
        };
        return (await SendAsync([press])).Single();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _playing;
        }
        catch (Exception ended) when (ended is OperationCanceledException or RpcException)
        {
            // hung up on purpose
        }

        _stream.Dispose();
        _channel.Dispose();
        _stop.Dispose();
    }

    private async Task PlayAsync()
    {
        var roster = RosterReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json")).GetRosterOrThrow();
        var start = _clock.GetUtcNow();
        var plan = NightPlan.For(roster, DateOnly.Parse(DashboardSilo.Night, CultureInfo.InvariantCulture), new NightMix(), seed: 2211)
            .Where(planned => planned.At >= start && planned.At < start + Played)
            .ToList();
        for (var next = 0; next < plan.Count;)
        {
            var wait = plan[next].At - _clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _clock, _stop.Token);
            }

            var now = _clock.GetUtcNow();
            var due = plan.Skip(next).TakeWhile(planned => planned.At <= now).ToList();
            next += due.Count;
            var acks = await SendAsync([.. due.Select(planned => UplinkEvent.From(planned.DeviceKey, planned.Event, now))]);
            Applied += acks.Count(ack => ack.Disposition == Disposition.Applied);
        }
    }

    /// <summary>One batch and its acknowledgements; the silo answers batches in order, so one is in flight at a time.</summary>
    private async Task<IReadOnlyList<EventAck>> SendAsync(IReadOnlyList<DeviceEvent> events)
    {
        await _oneBatchAtATime.WaitAsync(_stop.Token);
        try
        {
            var request = new IngestRequest { SentAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(_clock.GetUtcNow()) };
            request.Events.AddRange(events.Select(deviceEvent =>
            {
                deviceEvent.BridgeSequence = Interlocked.Increment(ref _bridgeSequence);
                return deviceEvent;
            }));
            await _stream.RequestStream.WriteAsync(request, _stop.Token);
            while (await _stream.ResponseStream.MoveNext(_stop.Token))
            {
                if (_stream.ResponseStream.Current.BodyCase == IngestResponse.BodyOneofCase.Acks)
                {
                    return _stream.ResponseStream.Current.Acks.Acks;
                }
            }

            throw new InvalidOperationException("the silo ended the ingest stream");
        }
        finally
        {
            _oneBatchAtATime.Release();
        }
    }
}
