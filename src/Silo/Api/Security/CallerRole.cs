namespace GongGrid.Silo.Api.Security;

/// <summary>What a token holder is; each role reaches only some services, and only inside its scope.</summary>
public enum CallerRole
{
    /// <summary>Sees and acts on the whole district in its scope.</summary>
    DistrictPolice,

    /// <summary>Sees and acts on one commune.</summary>
    CommunePolice,

    /// <summary>Pushes device events for its villages, and receives their device commands.</summary>
    EdgeBridge,

    /// <summary>Imports rosters and manages devices of its district, and sees what district police see.</summary>
    Admin,
}
