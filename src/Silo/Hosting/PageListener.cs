using System.Net;
using GongGrid.Silo.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GongGrid.Silo.Hosting;

/// <summary>
/// An HTTP/1.1 listener for a page on a port of its own (the Prometheus page, the Orleans Dashboard): the page's requests
/// are told apart from the API's and the police page's by that port, so it must be named, not picked (port 0).
/// </summary>
public static class PageListener
{
    /// <summary>Listens on <paramref name="listen"/>, the value of <paramref name="setting"/>; a value that is not http://address:port is refused by name.</summary>
    public static Uri Listen(WebApplicationBuilder builder, string setting, string listen, string example)
    {
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttp
            || !(address.Host is "*" or "localhost" || IPAddress.TryParse(address.Host, out _)))
        {
            throw new InvalidOperationException($"{setting} is '{listen}'; give it as http://address:port, such as {example}.");
        }
        if (address.Port == 0)
        {
            throw new InvalidOperationException($"{setting} is {listen}; give it a port, such as {example}.");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(ApiServer.Address(address), address.Port, endpoint => endpoint.Protocols = HttpProtocols.Http1));
        return address;
    }
}
