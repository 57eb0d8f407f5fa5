using System.CommandLine;
using System.Text.Json;
using GongGrid.Silo.Api.Security;

namespace GongGrid.Silo.Commands;

/// <summary>
/// <c>token --role ROLE --scope KEY[,KEY…] [--scope KEY…] --name NAME</c>: issues a bearer token. It prints the token
/// once, for its holder, and the configuration entry holding only its SHA-256, for the silo.
/// </summary>
public sealed class TokenCommand : Command
{
    private const string Roles = "district-police, commune-police, edge-bridge, admin";

    private readonly Option<CallerRole> _role = CheckedOption.Create<CallerRole>("--role", $"What the holder may do: {Roles}.", $"one of {Roles}",
        (string text, out CallerRole role) =>
            Enum.TryParse(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out role) && Enum.GetNames<CallerRole>().Contains(role.ToString()) && !char.IsAsciiDigit(text[0]));
    private readonly Option<string[]> _scopes = new("--scope") { Description = "The district, commune or village keys the holder may reach, comma-separated or repeated.", HelpName = "KEY[,KEY…]" };
    private readonly Option<string> _name = new("--name") { Description = "Who holds the token, as the silo's logs name it.", HelpName = "HOLDER" };

    public TokenCommand()
        : base("token", "Issues a bearer token for the gRPC API and prints the configuration entry that admits it.")
    {
        _role.Required = true;
        _scopes.Required = true;
        _name.Required = true;
        _scopes.Validators.Add(scopes =>
        {
            if (!scopes.Tokens.SelectMany(scope => Keys(scope.Value)).Any())
            {
                scopes.AddError("--scope names no key; give at least one district, commune or village key.");
            }
        });
        Options.Add(_role);
        Options.Add(_scopes);
        Options.Add(_name);
        SetAction((parsed, _) => RunAsync(parsed, Console.Out));
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output)
    {
        var scopes = parsed.GetRequiredValue(_scopes).SelectMany(Keys).ToArray();
        var name = parsed.GetRequiredValue(_name);
        var token = TokenHash.NewToken();
        var entry = new ApiTokenOptions { Sha256 = TokenHash.Of(token), Name = name, Role = parsed.GetValue(_role), Scopes = [.. scopes] };
        await output.WriteLineAsync($"token (give it to {name}; it is not stored anywhere): {token}");
        await output.WriteLineAsync("add to GongGrid:Api:Tokens in appsettings.json:");
        await output.WriteLineAsync(JsonSerializer.Serialize(entry, new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }));
        return 0;
    }

    private static string[] Keys(string scope) => scope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
