using GongGrid.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using DeviceCommand = GongGrid.Api.V1.DeviceCommand;

namespace GongGrid.Silo.Api.Streams;

/// <summary>
/// Where device commands find the edge bridges, across the cluster: a bridge's ingest stream, on whichever silo it is
/// connected to, registers as the route to its villages with the commune's route grain (<see cref="IBridgeRoutesGrain"/>),
/// and a command asked of any silo goes down the route. A route is used only while its silo is an active member and
/// its stream takes the command within 5 s; otherwise the village counts as unreachable and the route is dropped, so
/// no command goes where no bridge will hear it. A bridge that reconnects, to any silo, replaces its earlier route.
/// </summary>
public sealed class BridgeRegistry(IGrainFactory grains, ILocalSiloDetails silo, ILogger<BridgeRegistry> logger)
{
    /// <summary>Opens the route of a bridge's stream to the villages in its token's scope (other scopes carry no commands).</summary>
    public async Task<BridgeLink> ConnectAsync(string name, IReadOnlyList<string> scopes, Func<DeviceCommand, Task> send)
    {
        var link = new BridgeLink(name, scopes.Where(scope => GrainKeys.Depth(scope) == 3), send, grains, silo.SiloAddress, logger);
        await link.OpenAsync();
        return link;
    }

    /// <summary>Sends each command down the bridge serving its device's village; returns the ids of the commands a bridge took.</summary>
    public async Task<IReadOnlySet<string>> SendAsync(string communeKey, IReadOnlyList<PlayCommand> commands)
    {
        if (commands.Count == 0)
        {
            return new HashSet<string>();
        }

        var routes = grains.GetGrain<IBridgeRoutesGrain>(communeKey);
        var links = await routes.GetLinksAsync();
        var taken = await Task.WhenAll(commands.Select(async command =>
            links.TryGetValue(GrainKeys.Parent(command.DeviceKey), out var link) && await TrySendAsync(routes, link, command)));
        return commands.Where((_, index) => taken[index]).Select(command => command.CommandId).ToHashSet();
    }

    private async Task<bool> TrySendAsync(IBridgeRoutesGrain routes, IBridgeLink link, PlayCommand command)
    {
        try
        {
            await link.SendAsync(command);
            return true;
        }
        catch (Exception error) when (error is OrleansException or TimeoutException)
        {
            logger.LogWarning(error, "Command {Command} to {Device} found no bridge; dropping its route", command.CommandId, command.DeviceKey);
            await ForgetAsync(routes, link);
            return false;
        }
    }

    private async Task ForgetAsync(IBridgeRoutesGrain routes, IBridgeLink link)
    {
        try
        {
            await routes.DisconnectAsync(link);
        }
        catch (Exception error) when (error is OrleansException or TimeoutException)
        {
            logger.LogWarning(error, "Dropping a dead bridge route failed; the next command finds it dead again");
        }
    }
}
