using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Web.Identity;

/// <summary>
/// At start-up: applies the web database's migrations, makes sure the staff roles exist, and on the very first start (no
/// administrator yet) creates the administrator with the one-time password the AppHost hands over in
/// <c>Bootstrap:AdminPassword</c> (a secret parameter, new every run). The password is never logged; only a marker line
/// tells the AppHost that it was used, and the AppHost then shows it once on its console.
/// </summary>
sealed class AdministratorBootstrapper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AdministratorBootstrapper> logger)
    : IHostedService
{
    public const string AdminEmail = "admin@medborgare.local";
    public const string CreatedMarker = "MEDBORGARE_ADMIN_CREATED";

    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        await MigrateAsync(db, ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        var password = ReadHandedOverPassword();
        if (password is null) return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if ((await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count > 0) return;

        var admin = new ApplicationUser { UserName = AdminEmail, Email = AdminEmail, EmailConfirmed = true, DisplayName = "Administratör" };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            logger.LogError("The first administrator could not be created: {Errors}", string.Join("; ", result.Errors.Select(e => e.Code)));
            return;
        }
        await users.AddToRolesAsync(admin, [StaffRoles.Admin, StaffRoles.Analyst]);
        Console.WriteLine(CreatedMarker);
    }

    string? ReadHandedOverPassword() => configuration["Bootstrap:AdminPassword"] is { Length: > 0 } password ? password : null;

    async Task MigrateAsync(WebDbContext db, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.MigrateAsync(ct);
                return;
            }
            catch (Exception ex) when (attempt < 10 && ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Migrating the web database failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), ct);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
