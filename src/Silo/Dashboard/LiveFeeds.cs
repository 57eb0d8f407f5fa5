using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using GongGrid.Api.V1;
using GongGrid.Silo.Api.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace GongGrid.Silo.Dashboard;

/// <summary>
/// What the page is pushed as server-sent events: tonight's counts (a district's summary, or one commune's detail)
/// whenever they change, and every alarm change as the gRPC WatchAlarms stream sends it. A refusal comes before the
/// stream starts, as an HTTP status.
/// </summary>
public static class LiveFeeds
{
    /// <summary>
    /// How often the silo looks at tonight's counts for an open page. The look is an in-process read of live
    /// counts (the district grain answers in microseconds); the page hears only the changes.
    /// </summary>
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(1);

    public static async Task<IResult> TonightAsync(HttpContext http, DashboardCalls calls, DistrictApi districts, string district, string? commune)
    {
        Func<Task<string>> look;
        string first;
        try
        {
            var context = calls.Admit(http, "/dashboard/live/tonight");
            var scope = PoliceScope.Of(context, district, commune);
            look = scope == district
                ? async () => ProtoJson.Format(await districts.GetNightSummary(new NightSummaryRequest { DistrictKey = district }, context))
                : async () => ProtoJson.Format(await districts.GetCommuneDetail(new CommuneDetailRequest { CommuneKey = scope }, context));
            first = await look();
        }
        catch (Exception error) when (!http.RequestAborted.IsCancellationRequested)
        {
            return calls.Refusal(error, "/dashboard/live/tonight");
        }

        return TypedResults.ServerSentEvents(Changes(look, first, http.RequestAborted), eventType: "tonight");
    }

    public static IResult Alarms(HttpContext http, DashboardCalls calls, AlarmApi alarms, string district, string? commune)
    {
        const string method = "/gonggrid.v1.AlarmService/WatchAlarms";
        ServerCallContext context;
        try
        {
            context = calls.Admit(http, method);
            PoliceScope.Of(context, district, commune);
        }
        catch (Exception error)
        {
            return calls.Refusal(error, method);
        }

        // Unbounded here: the alarm feed behind WatchAlarms already cuts off a watcher that falls 1,024 changes behind.
        var changes = Channel.CreateUnbounded<SseItem<string>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // An "open" event first, so the page learns at once that its watch is live, even with no alarm to send yet.
        changes.Writer.TryWrite(new SseItem<string>("{}", "open"));
        _ = WatchAsync(alarms, new WatchAlarmsRequest { DistrictKey = district, CommuneKey = commune ?? "" }, context, changes.Writer);
        return TypedResults.ServerSentEvents(changes.Reader.ReadAllAsync(http.RequestAborted));
    }

    private static async IAsyncEnumerable<string> Changes(Func<Task<string>> look, string first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return first;
        var last = first;
        using var timer = new PeriodicTimer(LookEvery);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (await LookOrSkipAsync(look) is { } now && now != last)
            {
                last = now;
                yield return now;
            }
        }
    }

    /// <summary>The counts now, or null when the grid was busy this once (the page keeps what it has).</summary>
    private static async Task<string?> LookOrSkipAsync(Func<Task<string>> look)
    {
        try
        {
            return await look();
        }
        catch (Exception busy) when (busy is RpcException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Runs the gRPC WatchAlarms method into the channel; when it ends the page's stream ends, and the page opens it again.</summary>
    private static async Task WatchAsync(AlarmApi alarms, WatchAlarmsRequest request, ServerCallContext context, ChannelWriter<SseItem<string>> changes)
    {
        try
        {
            await alarms.WatchAlarms(request, new JsonWriter(changes), context);
            changes.TryComplete();
        }
        catch (Exception ended) when (ended is RpcException or OperationCanceledException)
        {
            changes.TryComplete();
        }
        catch (Exception error)
        {
            changes.TryComplete(error);
        }
    }

    private sealed class JsonWriter(ChannelWriter<SseItem<string>> changes) : IServerStreamWriter<AlarmEvent>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(AlarmEvent message) => changes.WriteAsync(new SseItem<string>(ProtoJson.Format(message), "alarm")).AsTask();
    }
}
