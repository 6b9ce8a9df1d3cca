using System.Globalization;
using Medborgare.ServiceDefaults;
using Medborgare.Web.Identity;
using Medborgare.Web.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Web.Extensions;

public static class Extensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("sv-SE"), new("en-GB")];

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.WebDb)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.WebDb} is not set. Start the app through the AppHost.");
        if (string.IsNullOrWhiteSpace(builder.Configuration[StaffAuthentication.SigningKeyConfig]))
        {
            throw new InvalidOperationException($"{StaffAuthentication.SigningKeyConfig} is not set. Start the app through the AppHost.");
        }

        // First, so that the schema exists before anything else (the data-protection key ring) reads it.
        builder.Services.AddHostedService<AdministratorBootstrapper>();
        builder.Services.AddDbContext<WebDbContext>(o => o.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        builder.Services.AddHealthChecks().AddDbContextCheck<WebDbContext>(ResourceNames.WebDb, tags: [ServiceDefaults.Extensions.ReadyTag]);
        builder.Services.AddDataProtection().SetApplicationName("Medborgare.Web").PersistKeysToDbContext<WebDbContext>();

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/konto/logga-in";
            o.LogoutPath = "/konto/logga-ut";
            o.AccessDeniedPath = "/konto/ingen-behorighet";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        builder.Services.AddAuthorizationBuilder().AddStaffPolicies();
        builder.Services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WebDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.Services.AddSingleton(Municipality.From(builder.Configuration));
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // The resident's or staff member's explicit choice (cookie) wins; otherwise Swedish.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        builder.Services.AddSecurityHeaders();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddServiceClients();
        builder.Services.AddMemoryCache();
        builder.Services.AddRazorComponents();
        // The framework's own files (_framework/blazor.web.js) are static web assets of a package. Development maps them from
        // the build output by itself; so must every other environment when the app runs from its build output, as the AppHost
        // runs it. A published app has them in wwwroot, and this is then a no-op.
        if (builder.Environment is IWebHostEnvironment web)
            Microsoft.AspNetCore.Hosting.StaticWebAssets.StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        builder.Services.AddResidentServices();
    }

    public static WebApplication UseWebDefaults(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fel", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/sidan-finns-inte");
        app.UseRequestLocalization();
        app.UseAntiforgery();
        return app;
    }
}
