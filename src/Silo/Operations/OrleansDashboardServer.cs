using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;

namespace GongGrid.Silo.Operations;

/// <summary>
/// The Orleans Dashboard (Microsoft.Orleans.Dashboard) for operators: silos, grain types with their activations, calls
/// and errors, reminders and the live log, on an HTTP/1.1 port of its own behind <see cref="AdminTokenGate"/>. Every
/// silo of a cluster needs it on for the dashboard to show them all: each samples its own grain calls.
/// </summary>
public static class OrleansDashboardServer
{
    /// <summary>Adds the dashboard when <see cref="OrleansDashboardOptions.Listen"/> is set; returns where it will listen, or null.</summary>
    public static Uri? Configure(WebApplicationBuilder builder, OrleansDashboardOptions options)
    {
        if (options.Listen.Length == 0)
        {
            return null;
        }

        // Its routes are told apart from the police page's by the port, which must be known before Kestrel binds.
        var listen = PageListener.Listen(builder, "GongGrid:OrleansDashboard:Listen", options.Listen, "http://127.0.0.1:8081");
        builder.UseOrleans(silo => silo.AddDashboard());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenPortPolicy>());
        return new Uri(listen, "/");
    }

    /// <summary>
    /// The dashboard at "/" of its port. Before anything else there, the admin token is checked, and whatever is not
    /// the dashboard's (the police page's files and API) is not found.
    /// </summary>
    public static void Map(WebApplication app, Uri dashboard)
    {
        app.UseWhen(context => context.Connection.LocalPort == dashboard.Port, operators => operators
            .UseMiddleware<AdminTokenGate>()
            .Use((context, next) =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<ListenPort>() is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            }));
        app.MapOrleansDashboard().WithMetadata(new ListenPort(dashboard.Port));
    }
}
