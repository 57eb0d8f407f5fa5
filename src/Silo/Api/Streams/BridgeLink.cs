using GongGrid.Api.Mapping;
using GongGrid.Api.V1;
using GongGrid.Grains.Interfaces;
using Microsoft.Extensions.Logging;

namespace GongGrid.Silo.Api.Streams;

/// <summary>
/// One edge bridge's ingest stream on this silo, as a grain observer the cluster can send commands to: registered with
/// the route grain of each commune it serves villages of when it opens, renewed every 30 s while it is open (a route
/// grain activated anew after its silo died knows nothing), and unregistered when it closes.
/// </summary>
public sealed class BridgeLink : IBridgeLink, IAsyncDisposable
{
    private static readonly TimeSpan KeepEvery = TimeSpan.FromSeconds(30);

    /// <summary>How long a stream opening or closing waits for its routes: ingest must not wait on a silo still dying.</summary>
    private static readonly TimeSpan RoutePatience = TimeSpan.FromSeconds(2);

    private readonly string _name;
    private readonly Dictionary<string, List<string>> _villagesByCommune;
    private readonly Func<DeviceCommand, Task> _send;
    private readonly IGrainFactory _grains;
    private readonly SiloAddress _silo;
    private readonly ILogger _logger;
    private readonly IBridgeLink _reference;
    private readonly CancellationTokenSource _closed = new();
    private Task _keeping = Task.CompletedTask;

    public BridgeLink(string name, IEnumerable<string> villageKeys, Func<DeviceCommand, Task> send, IGrainFactory grains, SiloAddress silo, ILogger logger)
    {
        _name = name;
        _villagesByCommune = villageKeys.GroupBy(GrainKeys.Parent).ToDictionary(commune => commune.Key, commune => commune.ToList());
        _send = send;
        _grains = grains;
        _silo = silo;
        _logger = logger;
        _reference = grains.CreateObjectReference<IBridgeLink>(this);
    }

    public Task SendAsync(PlayCommand command)
    {
        _ = _send(ToProto(command)).ContinueWith(
            failed => _logger.LogWarning(failed.Exception, "Command {Command} to {Device} via {Bridge} was not sent", command.CommandId, command.DeviceKey, _name),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>Registers the routes (waiting a little for them, so a command asked of another silo at once finds them) and keeps them.</summary>
    public async Task OpenAsync()
    {
        var connected = EachCommuneAsync("connecting", (routes, villages) => routes.ConnectAsync(_reference, _silo, villages));
        _keeping = KeepAsync(_closed.Token);
        await connected.WaitAsync(RoutePatience).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        await _keeping;
        await EachCommuneAsync("disconnecting", (routes, _) => routes.DisconnectAsync(_reference)).WaitAsync(RoutePatience).ContinueWith(_ => { }, TaskScheduler.Default);
        _grains.DeleteObjectReference<IBridgeLink>(_reference);
        _closed.Dispose();
    }

    private async Task KeepAsync(CancellationToken closed)
    {
        using var timer = new PeriodicTimer(KeepEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(closed))
            {
                await EachCommuneAsync("keeping", (routes, villages) => routes.KeepAsync(_reference, _silo, villages));
            }
        }
        catch (OperationCanceledException)
        {
            // the stream closed
        }
    }

    /// <summary>Calls every commune's route grain at once; a failure is logged, and the next keep tries again.</summary>
    private Task EachCommuneAsync(string what, Func<IBridgeRoutesGrain, IReadOnlyList<string>, Task> call) =>
        Task.WhenAll(_villagesByCommune.Select(async commune =>
        {
            try
            {
                await call(_grains.GetGrain<IBridgeRoutesGrain>(commune.Key), commune.Value);
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "{What} the routes of {Bridge} in {Commune} failed", what, _name, commune.Key);
            }
        }));

    private static DeviceCommand ToProto(PlayCommand command) => new()
    {
        CommandId = command.CommandId,
        DeviceKey = command.DeviceKey,
        Play = new PlayProgram { Program = command.Program.ToProto(), AlarmKind = command.AlarmKind.ToProto() },
    };
}
