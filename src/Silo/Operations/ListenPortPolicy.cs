using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace GongGrid.Silo.Operations;

/// <summary>
/// Routes a request to an endpoint marked with <see cref="ListenPort"/> only when it came in on that port, told by the
/// connection rather than the Host header (which a port-forward rewrites). So the Orleans Dashboard's "/" does not take
/// the police page's "/" on another port.
/// </summary>
public sealed class ListenPortPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(endpoint => endpoint.Metadata.GetMetadata<ListenPort>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var index = 0; index < candidates.Count; index++)
        {
            if (candidates[index].Endpoint.Metadata.GetMetadata<ListenPort>() is { } only && only.Port != httpContext.Connection.LocalPort)
            {
                candidates.SetValidity(index, false);
            }
        }

        return Task.CompletedTask;
    }
}
