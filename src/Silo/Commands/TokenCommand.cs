using System.Text.Json;
using GongGrid.Silo.Api.Security;

namespace GongGrid.Silo.Commands;

/// <summary>
/// <c>token --role ROLE --scope KEY [--scope KEY…] --name NAME</c>: issues a bearer token. It prints the token once,
/// for its holder, and the configuration entry holding only its SHA-256, for the silo.
/// </summary>
public static class TokenCommand
{
    public static async Task<int> RunAsync(CommandArgs args, TextWriter output)
    {
        var roleText = args.Option("role");
        var scopes = (args.Option("scope") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = args.Option("name");
        if (roleText is null || scopes.Length == 0 || name is null)
        {
            await output.WriteLineAsync("usage: token --role district-police|commune-police|edge-bridge|admin --scope KEY[,KEY…] --name \"HOLDER\"");
            return 2;
        }

        var role = Enum.TryParse<CallerRole>(roleText.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentException($"--role '{roleText}' is not one of district-police, commune-police, edge-bridge, admin.");
        var token = TokenHash.NewToken();
        var entry = new ApiTokenOptions { Sha256 = TokenHash.Of(token), Name = name, Role = role, Scopes = [.. scopes] };
        await output.WriteLineAsync($"token (give it to {name}; it is not stored anywhere): {token}");
        await output.WriteLineAsync("add to GongGrid:Api:Tokens in appsettings.json:");
        await output.WriteLineAsync(JsonSerializer.Serialize(entry, new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }));
        return 0;
    }
}
