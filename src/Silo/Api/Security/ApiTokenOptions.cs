namespace GongGrid.Silo.Api.Security;

/// <summary>
/// One issued token, as configured (GongGrid:Api:Tokens:N): only the SHA-256 of the token is stored, so the
/// configuration can be read without giving anyone access. `gonggrid token` issues one.
/// </summary>
public sealed class ApiTokenOptions
{
    /// <summary>Lowercase hex SHA-256 of the token's UTF-8 bytes.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Who holds it, recorded on acknowledgements and in logs.</summary>
    public string Name { get; set; } = "";

    public CallerRole Role { get; set; }

    /// <summary>District key (district police, admin), commune key (commune police) or village keys (edge bridge).</summary>
    public List<string> Scopes { get; set; } = [];
}
