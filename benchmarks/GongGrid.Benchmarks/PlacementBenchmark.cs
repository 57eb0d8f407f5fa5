using System.Diagnostics;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Metrics;
using GongGrid.Testing.Postgres;

namespace GongGrid.Benchmarks;

/// <summary>
/// How many grain calls of a 22:00 burst cross from one silo to another, with commune placement and with Orleans's
/// default placement (GongGrid:Placement), on 3 silo processes fed by 3 bridge streams, one on each silo. Counted by
/// Orleans itself: every silo's meter counts the messages it delivers to itself (orleans-messaging-sent-local) and
/// the messages it sends over its connections to other silos (orleans-messaging-sent-messages-size, direction
/// SiloToSilo), read from each silo's /metrics before and after the burst. A call is a request and a response, both
/// local or both crossing, so the messages' share is the calls'. Orleans's own traffic (membership probes, grain
/// directory) is in the count too: its rate, measured idle first, is taken out in the second share printed.
/// </summary>
internal static class PlacementBenchmark
{
    private static readonly string[] Placements = ["commune", "default"];
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(5);

    public static async Task RunAsync()
    {
        Report.Heading("cluster placement: grain calls crossing silos in the 22:00 burst, commune vs Orleans's default placement");
        await using var postgres = await ThrowawayPostgres.StartAsync();
        using var http = new HttpClient();
        foreach (var placement in Placements)
        {
            var launch = new SiloLaunch { Settings = [$"--GongGrid:Placement={placement}"], Metrics = true };
            await using var cluster = await SiloCluster.StartAsync(postgres, 3, launch);
            var idle = await MessagesAsync(http, cluster, () => Task.Delay(IdleWindow));
            Console.WriteLine($"  {placement} placement, idle for {IdleWindow.TotalSeconds:N0} s: {idle.Crossing:N0} messages crossed, {idle.Local:N0} stayed local");
            // The first burst activates the devices (the import activated villages and communes); the second finds every grain active.
            foreach (var burst in new[] { "first burst (devices activating)", "second burst (all active)" })
            {
                var batches = PeaceTraffic.Batches(pass: $"{burst[..3]}-");
                var events = batches.Sum(batch => batch.Length);
                var clock = new Stopwatch();
                var counted = await MessagesAsync(http, cluster, async () =>
                {
                    clock.Start();
                    await FailoverSender.SendSharedAsync(FailoverSender.Bridges(cluster), batches);
                    clock.Stop();
                });
                var net = counted - idle * (clock.Elapsed / IdleWindow);
                Report.Figure($"{placement}: {burst}, share crossing", 100.0 * counted.Crossing / counted.Total,
                    $"% of {counted.Total:N0} messages; {100.0 * net.Crossing / net.Total:N1} % less the idle rate; {events / clock.Elapsed.TotalSeconds:N0} events/s");
            }
            await cluster.ConnectManagementAsync();
            var activations = await cluster.ActivationsAsync();
            var perSilo = activations.GroupBy(activation => activation.Silo.Endpoint.Port).Select(silo => silo.Count()).Order().Reverse();
            Console.WriteLine($"  {placement} placement: GongGrid's {activations.Count:N0} activations per silo: {string.Join(" / ", perSilo)}");
        }
    }

    /// <summary>Messages every silo sent to itself and to the others while <paramref name="during"/> ran.</summary>
    private static async Task<MessageCount> MessagesAsync(HttpClient http, SiloCluster cluster, Func<Task> during)
    {
        var before = await ScrapeAsync(http, cluster);
        await during();
        var after = await ScrapeAsync(http, cluster);
        return after - before;
    }

    private static async Task<MessageCount> ScrapeAsync(HttpClient http, SiloCluster cluster)
    {
        var total = new MessageCount(0, 0);
        foreach (var silo in cluster.Silos)
        {
            var page = PrometheusScrape.Parse(await http.GetStringAsync(silo.MetricsPage));
            total += new MessageCount(
                page.Sum("orleans_messaging_sent_local_total"),
                page.Sum("orleans_messaging_sent_messages_size_bytes_count", ("ConnectionDirection", "SiloToSilo")));
        }
        return total;
    }

    private readonly record struct MessageCount(double Local, double Crossing)
    {
        public double Total => Local + Crossing;

        public static MessageCount operator +(MessageCount left, MessageCount right) => new(left.Local + right.Local, left.Crossing + right.Crossing);

        public static MessageCount operator -(MessageCount left, MessageCount right) => new(left.Local - right.Local, left.Crossing - right.Crossing);

        public static MessageCount operator *(MessageCount count, double factor) => new(count.Local * factor, count.Crossing * factor);
    }
}
