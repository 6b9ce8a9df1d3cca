using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.Web.Identity;

/// <summary>Staff accounts and roles (ASP.NET Core Identity), and the data-protection keys shared by web replicas.</summary>
public sealed class WebDbContext(DbContextOptions<WebDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WebDbContext>
{
    public WebDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WebDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
