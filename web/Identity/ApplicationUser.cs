using Microsoft.AspNetCore.Identity;

namespace Medborgare.Web.Identity;

/// <summary>A staff member (utredare, förtroendevald or administratör). Residents never have accounts.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
