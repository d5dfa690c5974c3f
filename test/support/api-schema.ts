// Generated from the API document by `npm run openapi:types`; do not edit by hand.

export interface paths {
    "/api/admin/connect/settings/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the maintenance setting */
        get: operations["MaintenanceSettingsController_get"];
        /** Schedule, change or turn off the maintenance window */
        put: operations["MaintenanceSettingsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/connect/settings/maintenance/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the maintenance event history, newest first */
        get: operations["MaintenanceSettingsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/connect/settings/maintenance/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read who the maintenance window affects: signed in, confirmed, refused */
        get: operations["MaintenanceSettingsController_readImpact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the maintenance status for this caller */
        get: operations["MaintenanceStatusController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/notice/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge the maintenance notice for this session */
        post: operations["MaintenanceStatusController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (end this session) */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the signed-in user */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate an invited account and set its password */
        post: operations["AuthController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (filter by role, status, text; paginated) */
        get: operations["UsersAdminController_list"];
        put?: never;
        /** Invite a user (an activation link is e-mailed) */
        post: operations["UsersAdminController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change the role of, disable or enable a user */
        patch: operations["UsersAdminController_update"];
        trace?: never;
    };
    "/api/admin/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new invitation (the previous link stops working) */
        post: operations["UsersAdminController_reinvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database (and Redis, when configured) answer */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the companies by name (paginated) */
        get: operations["CompaniesController_list"];
        put?: never;
        /** Create a company */
        post: operations["CompaniesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, deactivate or reactivate a company */
        patch: operations["CompaniesController_update"];
        trace?: never;
    };
    "/api/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the contracts visible to the caller */
        get: operations["ContractsController_list"];
        put?: never;
        /** Create a contract */
        post: operations["ContractsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a contract */
        get: operations["ContractsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a contract */
        patch: operations["ContractsController_update"];
        trace?: never;
    };
    "/api/declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the declarations visible to the caller */
        get: operations["DeclarationsController_list"];
        put?: never;
        /** Submit a declaration (hours or expenses) */
        post: operations["DeclarationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/declarations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a declaration */
        get: operations["DeclarationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Approve, reject or change a declaration */
        patch: operations["DeclarationsController_update"];
        trace?: never;
    };
    "/api/public/vacancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the open vacancies */
        get: operations["PublicController_listVacancies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/job-applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply for a vacancy */
        post: operations["PublicController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the public forms */
        get: operations["PublicController_listForms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/forms/{formId}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a public form */
        post: operations["PublicController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/saved-searches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the candidate's saved searches */
        get: operations["SavedSearchesController_list"];
        put?: never;
        /** Save a search (its new matches are e-mailed) */
        post: operations["SavedSearchesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/saved-searches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a saved search */
        delete: operations["SavedSearchesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/window.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the maintenance window as an iCalendar feed */
        get: operations["CalendarFeedController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message from a third-party system */
        post: operations["IntegrationMessagesController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/backoffice/mutations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a back-office mutation (idempotent) */
        post: operations["BackofficeController_mutate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        MaintenanceSettingsDto: {
            enabled: boolean;
            /** @enum {string} */
            state: "off" | "scheduled" | "active";
            startsAt: string | null;
            expectedEndAt: string | null;
            message: string | null;
            /** @description The window's changes are announced by e-mail */
            announce: boolean;
            version: number;
            updatedAt: string | null;
            updatedBy: string | null;
            /** @description The earliest start R2 accepts right now */
            earliestStartsAt: string;
            /** @description When downtime began, while active */
            activeSince: string | null;
            /** @description Active longer than the configured hours: was turning it off forgotten? */
            activeTooLong: boolean;
        };
        UpdateMaintenanceSettingsDto: {
            enabled: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 with offset, at least 10 minutes ahead
             * @example 2030-01-05T18:00:00+01:00
             */
            startsAt?: string | null;
            /**
             * Format: date-time
             * @example 2030-01-05T23:00:00+01:00
             */
            expectedEndAt?: string | null;
            message?: string | null;
            /** @description Announce the window's changes to every active regular user by e-mail */
            announce?: boolean | null;
            /** @description The version GET returned (0 when there never was a window) */
            version: number;
        };
        MaintenanceEventDto: {
            id: string;
            windowId: string;
            /** @enum {string} */
            type: "scheduled" | "rescheduled" | "message-changed" | "downtime-started" | "turned-off";
            at: string;
            /** @description The user, or "system" */
            actor: string;
            /** @description Old and new values */
            details: {
                [key: string]: unknown;
            };
        };
        MaintenanceEventsDto: {
            items: components["schemas"]["MaintenanceEventDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        SignedInDto: {
            /** @description Distinct regular users with a live, recently used session */
            total: number;
            /** @description By the host's regular roles, every one present */
            byRole: {
                [key: string]: number;
            };
        };
        NoticeImpactDto: {
            /** @description Distinct users who closed the R9 notice for the current start */
            acknowledged: number;
        };
        RefusalsByPrincipalDto: {
            user: number;
            integration: number;
            anonymous: number;
        };
        RefusalsImpactDto: {
            /** @description The window's start: refusals are counted from it */
            since: string;
            /** @description Across all instances; may lag a few seconds */
            total: number;
            byPrincipal: components["schemas"]["RefusalsByPrincipalDto"];
        };
        MaintenanceImpactDto: {
            /** @description When the counts were taken */
            at: string;
            signedIn: components["schemas"]["SignedInDto"];
            notice: components["schemas"]["NoticeImpactDto"];
            /** @description Null when no window is open; zeros until the start */
            refusals: ({
                [key: string]: unknown;
            } & components["schemas"]["RefusalsImpactDto"]) | null;
        };
        MaintenanceStatusDto: {
            /** @enum {string} */
            state: "off" | "scheduled" | "active";
            startsAt: string | null;
            /** @description 0 once active */
            secondsUntilStart: number | null;
            expectedEndAt: string | null;
            message: string | null;
            /** @description R9: the notice is due for this session now */
            noticeDue: boolean;
            /** @description The server's current time, to correct a browser clock */
            now: string;
            /** @description This principal keeps working during downtime */
            exempt: boolean;
            /** @description Active longer than the configured hours */
            activeTooLong: boolean;
        };
        AcknowledgeNoticeDto: {
            /**
             * Format: date-time
             * @description The start time the notice showed; a moved start is not acknowledged
             */
            startsAt?: string | null;
        };
        LoginDto: {
            /**
             * Format: email
             * @example your.name@example.com
             */
            email: string;
            /** @example your password */
            password: string;
        };
        UserDto: {
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "CUSTOMER_ADMIN" | "CONSULTANT" | "AGENCY_USER" | "CLIENT" | "CANDIDATE";
        };
        LoginResponseDto: {
            user: components["schemas"]["UserDto"];
            csrfToken: string;
        };
        ActivateDto: {
            token: string;
            password: string;
        };
        AdminUserDto: {
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "CUSTOMER_ADMIN" | "CONSULTANT" | "AGENCY_USER" | "CLIENT" | "CANDIDATE";
            /** @enum {string} */
            status: "invited" | "active" | "disabled";
            companyId: string | null;
            createdAt: string;
            /** @description When the open invitation expires (invited users only) */
            invitationExpiresAt: string | null;
        };
        AdminUserPageDto: {
            items: components["schemas"]["AdminUserDto"][];
            total: number;
        };
        CreateUserDto: {
            /**
             * Format: email
             * @example new.admin@example.com
             */
            email: string;
            /** @example Noor de Vries */
            displayName: string;
            /** @enum {string} */
            role: "CUSTOMER_ADMIN" | "CONSULTANT" | "AGENCY_USER" | "CLIENT" | "CANDIDATE";
            /**
             * Format: uuid
             * @description Required for a CLIENT: the company it belongs to
             */
            companyId?: string | null;
        } | {
            role?: unknown;
        } | {
            /** Format: uuid */
            companyId: string;
        };
        UpdateUserDto: {
            displayName?: string;
            /** @enum {string} */
            role?: "CUSTOMER_ADMIN" | "CONSULTANT" | "AGENCY_USER" | "CLIENT" | "CANDIDATE";
            /** @enum {string} */
            status?: "active" | "disabled";
            /**
             * Format: uuid
             * @description The company of a CLIENT
             */
            companyId?: string | null;
        };
        CompanyDto: {
            id: string;
            name: string;
            /** @description Inactive companies take no new clients */
            active: boolean;
            createdAt: string;
        };
        CompanyPageDto: {
            items: components["schemas"]["CompanyDto"][];
            total: number;
        };
        CreateCompanyDto: {
            /** @example Acme Logistics B.V. */
            name: string;
        };
        UpdateCompanyDto: {
            /** @description A new name */
            name?: string;
            /** @description false deactivates (refused while the company has active or invited users or open contracts); true reactivates */
            active?: boolean;
        };
        ContractDto: {
            id: string;
            title: string;
            candidateId: string;
            clientCompanyId: string;
            /** @example 2026-01-05 */
            startDate: string;
            endDate: string | null;
            hourlyRate: number;
            /** @enum {string} */
            status: "draft" | "active" | "ended";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ContractPageDto: {
            items: components["schemas"]["ContractDto"][];
            total: number;
        };
        CreateContractDto: {
            title: string;
            /**
             * Format: uuid
             * @description id of a user with role CANDIDATE
             */
            candidateId: string;
            /**
             * Format: uuid
             * @description id of the client company
             */
            clientCompanyId: string;
            /**
             * Format: date
             * @example 2026-01-05
             */
            startDate: string;
            /**
             * Format: date
             * @example 2026-12-31
             */
            endDate?: string | null;
            /** @example 42.5 */
            hourlyRate: number;
        };
        UpdateContractDto: {
            title?: string;
            /**
             * Format: date
             * @example 2026-01-05
             */
            startDate?: string;
            /**
             * Format: date
             * @description null removes the end date
             * @example 2026-12-31
             */
            endDate?: string | null;
            /** @example 42.5 */
            hourlyRate?: number;
            /** @enum {string} */
            status?: "draft" | "active" | "ended";
        };
        DeclarationDto: {
            id: string;
            contractId: string;
            periodStart: string;
            periodEnd: string;
            hours: number;
            amount: number | null;
            note: string | null;
            /** @enum {string} */
            status: "submitted" | "approved" | "rejected";
            decidedBy: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        DeclarationPageDto: {
            items: components["schemas"]["DeclarationDto"][];
            total: number;
        };
        CreateDeclarationDto: {
            /** Format: uuid */
            contractId: string;
            /**
             * Format: date
             * @example 2026-01-05
             */
            periodStart: string;
            /**
             * Format: date
             * @example 2026-01-11
             */
            periodEnd: string;
            /** @example 38 */
            hours: number;
            /**
             * @description expenses claimed
             * @example 12.4
             */
            amount?: number | null;
            note?: string | null;
        };
        UpdateDeclarationDto: {
            /** @example 38 */
            hours?: number;
            amount?: number | null;
            note?: string | null;
            /** @enum {string} */
            status?: "approved" | "rejected";
        };
        VacancyDto: {
            id: string;
            title: string;
            location: string;
            description: string;
            /** Format: date-time */
            createdAt: string;
        };
        VacancyPageDto: {
            items: components["schemas"]["VacancyDto"][];
            total: number;
        };
        CreateJobApplicationDto: {
            /** Format: uuid */
            vacancyId: string;
            name: string;
            /** Format: email */
            email: string;
            motivation?: string;
        };
        ReceiptDto: {
            id: string;
            /** Format: date-time */
            createdAt: string;
        };
        FormFieldDto: {
            name: string;
            label: string;
            /** @enum {string} */
            type: "text" | "email" | "textarea";
            required: boolean;
            maxLength: number;
        };
        PublicFormDto: {
            id: string;
            title: string;
            description: string;
            fields: components["schemas"]["FormFieldDto"][];
        };
        PublicFormPageDto: {
            items: components["schemas"]["PublicFormDto"][];
            total: number;
        };
        FormSubmissionDto: {
            /** @description the value of each field by its name; checked against the form */
            fields: {
                [key: string]: unknown;
            };
        };
        SavedSearchDto: {
            id: string;
            keyword: string | null;
            location: string | null;
            /** Format: date-time */
            lastRunAt: string;
            /** Format: date-time */
            createdAt: string;
        };
        SavedSearchPageDto: {
            items: components["schemas"]["SavedSearchDto"][];
            total: number;
        };
        CreateSavedSearchDto: {
            /** @example developer */
            keyword?: string | null;
            /** @example Amsterdam */
            location?: string | null;
        };
        IntegrationMessageDto: {
            /** @example candidate.applied */
            type: string;
            payload: {
                [key: string]: unknown;
            };
        };
        MessageReceiptDto: {
            id: string;
            /** Format: date-time */
            receivedAt: string;
        };
        BackofficeMutationDto: {
            /** @enum {string} */
            entity: "contract" | "declaration";
            /** Format: uuid */
            id: string;
            /** @description the fields to change: those of PATCH /api/contracts/:id or PATCH /api/declarations/:id */
            changes: {
                [key: string]: unknown;
            };
        };
        MutationResultDto: {
            /** @enum {string} */
            entity: "contract" | "declaration";
            id: string;
            /** @description the record after the change */
            applied: {
                [key: string]: unknown;
            };
        };
        FieldError: {
            /** @example startsAt */
            field: string;
            /** @example is required to turn maintenance on */
            reason: string;
        };
        /** @description RFC 9457 problem details, in the language of Accept-Language (en or nl) */
        Problem: {
            /** @example /problems/validation */
            type: string;
            /** @example Invalid request */
            title: string;
            /** @example 400 */
            status: number;
            /** @example email: must be an e-mail address */
            detail: string;
            /** @example /api/auth/login */
            instance?: string;
            /** @description For 400: each invalid field and why */
            errors?: components["schemas"]["FieldError"][];
        };
        /** @description The refusal during downtime (503) */
        MaintenanceRefusal: components["schemas"]["Problem"] & {
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            expectedEndAt?: string;
        };
    };
    responses: {
        /** @description Invalid request: the problem names each invalid field and why (any operation: a path or query that is not valid UTF-8 or holds control characters) */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/validation",
                 *       "title": "Invalid request",
                 *       "status": 400,
                 *       "detail": "pageSize: must be at most 100",
                 *       "errors": [
                 *         {
                 *           "field": "pageSize",
                 *           "reason": "must be at most 100"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A body over 100 kB */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/http-413",
                 *       "title": "Payload too large",
                 *       "status": 413,
                 *       "detail": "request entity too large"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A body that is not application/json */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/unsupported-media-type",
                 *       "title": "Unsupported media type",
                 *       "status": 415,
                 *       "detail": "The API takes request bodies as application/json only."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid session or token */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/unauthorized",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "Sign in first."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not for this caller's role or client kind, or a write without the session's X-CSRF-Token header */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/forbidden",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "Your role does not allow this."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource (or not visible to this caller) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/not-found",
                 *       "title": "Not found",
                 *       "status": 404,
                 *       "detail": "Not found."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Downtime for maintenance: refused to everybody but the exempt roles and the back office */
        MaintenanceRefusal: {
            headers: {
                /** @description Seconds until the expected end (or a default when none is set) */
                "Retry-After"?: number;
                /** @description no-store */
                "Cache-Control"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/maintenance",
                 *       "title": "Service unavailable for maintenance",
                 *       "status": 503,
                 *       "detail": "The platform is unavailable for maintenance since 2030-01-05T17:00:00.000Z. Please try again later.",
                 *       "startsAt": "2030-01-05T17:00:00.000Z"
                 *     }
                 */
                "application/problem+json": components["schemas"]["MaintenanceRefusal"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    MaintenanceSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceSettingsDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    MaintenanceSettingsController_update: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMaintenanceSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceSettingsDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The version is stale: someone else changed the setting */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    MaintenanceSettingsController_events: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceEventsDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    MaintenanceSettingsController_readImpact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceImpactDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    MaintenanceStatusController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceStatusDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
        };
    };
    MaintenanceStatusController_acknowledge: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeNoticeDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            /** @description Wrong e-mail address or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Too many failed attempts; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description During downtime, for every role but the exempt ones */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description With a session: the session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidRequest"];
            403: components["responses"]["Forbidden"];
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    AuthController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    UsersAdminController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                role?: "CUSTOMER_ADMIN" | "CONSULTANT" | "AGENCY_USER" | "CLIENT" | "CANDIDATE";
                status?: "invited" | "active" | "disabled";
                /** @description Part of the e-mail address or the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserPageDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    UsersAdminController_create: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description Invited; the invitation is e-mailed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The e-mail address is already used */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    UsersAdminController_update: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path: {
                /** @description The id; anything else than a UUID: 400 naming `id` (must be an id (a UUID)) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The last active customer admin cannot be disabled or demoted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    UsersAdminController_reinvite: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path: {
                /** @description The id; anything else than a UUID: 400 naming `id` (must be an id (a UUID)) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new invitation; the previous link stops working */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The user is no longer invited */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidRequest"];
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every dependency answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidRequest"];
            /** @description A dependency does not answer; `down` names it */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CompaniesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyPageDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    CompaniesController_create: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCompanyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description A company with this name (in any case) exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    CompaniesController_update: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCompanyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The name is taken, or the company still has active or invited users or open contracts */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    ContractsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPageDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    ContractsController_create: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContractDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    ContractsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id; anything else than a UUID: 400 naming `id` (must be an id (a UUID)) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    ContractsController_update: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path: {
                /** @description The id; anything else than a UUID: 400 naming `id` (must be an id (a UUID)) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContractDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The contract cannot move to that status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    DeclarationsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description only the declarations of this contract */
                contractId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclarationPageDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    DeclarationsController_create: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeclarationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclarationDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    DeclarationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id; anything else than a UUID: 400 naming `id` (must be an id (a UUID)) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclarationDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    DeclarationsController_update: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path: {
                /** @description The id; anything else than a UUID: 400 naming `id` (must be an id (a UUID)) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeclarationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclarationDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The declaration is already approved or rejected */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    PublicController_listVacancies: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VacancyPageDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
        };
    };
    PublicController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateJobApplicationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PublicController_listForms: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicFormPageDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
        };
    };
    PublicController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id; anything else than a UUID: 400 naming `formId` (must be an id (a UUID)) */
                formId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormSubmissionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SavedSearchesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearchPageDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    SavedSearchesController_create: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSavedSearchDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearchDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    SavedSearchesController_remove: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The session's CSRF token (from the login answer); without it: 403
                 * @example the csrfToken of the login answer
                 */
                "X-CSRF-Token": string;
            };
            path: {
                /** @description The id; anything else than a UUID: 400 naming `id` (must be an id (a UUID)) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    CalendarFeedController_feed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An iCalendar (RFC 5545) document with the open window, if any */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description If-None-Match named the current ETag */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidRequest"];
        };
    };
    IntegrationMessagesController_receive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntegrationMessageDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageReceiptDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["MaintenanceRefusal"];
        };
    };
    BackofficeController_mutate: {
        parameters: {
            query?: never;
            header: {
                /** @description one key per intended change */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BackofficeMutationDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutationResultDto"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description the key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
