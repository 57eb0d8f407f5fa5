using System.Runtime;
using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.V1;
using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Grains.Interfaces;
using GongGrid.Silo.Api.Security;
using GongGrid.Simulator;
using GongGrid.Testing;
using Grpc.Core;
using DeviceEvent = GongGrid.Api.V1.DeviceEvent;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `api-ingest` scenario: the 22:00 burst (a full peace round from every gong village of 30,000) through
/// IngestService, as edge bridges send it: a few bidi streams, one per bridge and its districts, batches of 500 in
/// the order strikes happen, several batches in flight, every event acknowledged. Each run imports a fresh grid; the
/// first warms up. For where the time goes it also times the two halves alone: the transport (events the server
/// refuses before any grain: no event id) and the grains (the same strikes through DeviceEventIngest in process).
/// </summary>
internal static class ApiIngestBenchmark
{
    private const int Districts = 300;
    private const int Seed = 30_000;
    private const int Streams = 4;
    private const int BatchSize = 500;

    /// <summary>Batches a bridge sends ahead of their acks; the server applies up to 8 per stream at once.</summary>
    private const int BatchesInFlight = 8;

    public static async Task RunAsync()
    {
        Report.Heading($"api-ingest: strikes through IngestService (grpc-dotnet), {Streams} bidi streams, batches of {BatchSize} (target: at least 0.9 of the grains alone)");
        var nation = SyntheticNation.Create(Districts, 10, 10, 10, Seed);
        var rounds = PeaceRounds.Plan(nation, GridSilo.PeaceTime);
        var bridges = Enumerable.Range(0, Streams).Select(stream => Bridge.Plan(stream, nation, rounds)).ToList();
        var events = bridges.Sum(bridge => bridge.Events);
        Console.WriteLine($"  {events:N0} strikes from {rounds.Count:N0} of {nation.Count * 100:N0} villages; server GC {GCSettings.IsServerGC}");

        await using (var warmup = await StartAsync(sqlite: false, nation, bridges))
        {
            await SendAsync(warmup, bridges, bridge => bridge.Refused, Disposition.Rejected);
            await SendAsync(warmup, bridges, bridge => bridge.Strikes, Disposition.Applied);
        }

        double throughGrpc, grainsAlone;
        await using (var grid = await StartAsync(sqlite: false, nation, bridges))
        {
            (await ProcessCost.MeasureAsync(() => SendAsync(grid, bridges, bridge => bridge.Refused, Disposition.Rejected))).Print("transport alone (events refused before any grain)", events);
            throughGrpc = (await ProcessCost.MeasureAsync(() => SendAsync(grid, bridges, bridge => bridge.Strikes, Disposition.Applied))).Print($"gRPC ingest, {grid.Name}", events);
        }

        await using (var grid = await StartAsync(sqlite: false, nation, bridges))
        {
            grainsAlone = (await ProcessCost.MeasureAsync(() => PeaceRounds.SendAsync(new DeviceEventIngest(grid.Grains), rounds))).Print($"grains alone (in process, {PeaceRounds.Senders} senders)", events);
        }

        Report.Figure("gRPC ingest / grains alone, in memory", throughGrpc / grainsAlone, "×");

        await using (var grid = await StartAsync(sqlite: true, nation, bridges))
        {
            (await ProcessCost.MeasureAsync(() => SendAsync(grid, bridges, bridge => bridge.Strikes, Disposition.Applied))).Print($"gRPC ingest, {grid.Name}", events);
        }
    }

    /// <summary>A fresh grid with the nation imported and a token for each bridge (and <paramref name="others"/>), and <paramref name="settings"/> as given.</summary>
    internal static async Task<ApiGrid> StartAsync(bool sqlite, IReadOnlyList<DistrictRoster> nation, IReadOnlyList<Bridge> bridges, IReadOnlyList<ApiCaller>? others = null, IReadOnlyList<string>? settings = null)
    {
        var grid = await ApiGrid.StartAsync(sqlite, new ManualTimeProvider(GridSilo.PeaceTime), [.. bridges.Select(bridge => bridge.Caller), .. others ?? []], settings);
        await Parallel.ForEachAsync(nation, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (roster, cancellationToken) => await new RosterImport(grid.Grains).ApplyAsync(roster, cancellationToken));
        return grid;
    }

    /// <summary>Every bridge streams its batches at once; returns when every event is acknowledged as expected.</summary>
    internal static async Task SendAsync(ApiGrid grid, IReadOnlyList<Bridge> bridges, Func<Bridge, IReadOnlyList<IngestRequest>> batches, Disposition expected)
    {
        using var channel = grid.Channel();
        var client = new IngestService.IngestServiceClient(channel);
        await Task.WhenAll(bridges.Select(bridge => StreamAsync(client, bridge.Caller.Token, batches(bridge), expected)));
    }

    private static async Task StreamAsync(IngestService.IngestServiceClient client, string token, IReadOnlyList<IngestRequest> batches, Disposition expected)
    {
        using var call = client.Ingest(ApiGrid.As(token));
        using var window = new SemaphoreSlim(BatchesInFlight);
        using var acksFailed = new CancellationTokenSource();
        var acks = ReadAcksAsync(call.ResponseStream, batches.Sum(batch => batch.Events.Count), expected, window);
        _ = acks.ContinueWith(_ => acksFailed.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            foreach (var batch in batches)
            {
                await window.WaitAsync(acksFailed.Token);
                await call.RequestStream.WriteAsync(batch);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (OperationCanceledException) when (acks.IsFaulted)
        {
            // the acks' failure says what went wrong
        }

        await acks;
    }

    private static async Task ReadAcksAsync(IAsyncStreamReader<IngestResponse> responses, int events, Disposition expected, SemaphoreSlim window)
    {
        var acked = 0;
        while (acked < events)
        {
            if (!await responses.MoveNext())
            {
                throw new InvalidOperationException($"The ingest stream ended after {acked:N0} of {events:N0} acks.");
            }

            var acks = responses.Current.Acks.Acks;
            if (acks.FirstOrDefault(ack => ack.Disposition != expected) is { } wrong)
            {
                throw new InvalidOperationException($"Event {wrong.EventId} was {wrong.Disposition} ({wrong.Reason}), not {expected}.");
            }

            acked += acks.Count;
            window.Release();
        }
    }

    /// <summary>One edge bridge: a token for every <see cref="Streams"/>th district, and its strikes in batches, in the order they are struck.</summary>
    internal sealed record Bridge(ApiCaller Caller, IReadOnlyList<IngestRequest> Strikes, IReadOnlyList<IngestRequest> Refused, int Events)
    {
        public static Bridge Plan(int stream, IReadOnlyList<DistrictRoster> nation, IReadOnlyList<(string DeviceKey, StrikeEvent[] Strikes)> rounds)
        {
            var districts = nation.Where((_, index) => index % Streams == stream).Select(district => district.Key).ToHashSet();
            var strikes = rounds
                .Where(round => districts.Contains(GrainKeys.District(round.DeviceKey)))
                .SelectMany(round => round.Strikes.Select(strike => (round.DeviceKey, Strike: strike)))
                .OrderBy(strike => strike.Strike.Sequence)
                .Select(strike => new DeviceEvent
                {
                    DeviceKey = strike.DeviceKey,
                    EventId = strike.Strike.EventId,
                    DeviceTime = Timestamp.FromDateTimeOffset(strike.Strike.DeviceTime),
                    Sequence = strike.Strike.Sequence,
                    Strike = new Strike(),
                })
                .ToList();
            return new Bridge(
                new ApiCaller($"bench-bridge-{stream}", CallerRole.EdgeBridge, [.. districts]),
                Batches(strikes),
                Batches(strikes.Select(strike => new DeviceEvent(strike) { EventId = "" })),
                strikes.Count);
        }

        private static IReadOnlyList<IngestRequest> Batches(IEnumerable<DeviceEvent> events) =>
            [.. events.Chunk(BatchSize).Select(chunk => new IngestRequest { Events = { chunk } })];
    }
}
