#!/usr/bin/env python3
"""Creates or completes the Matériothèque layout on a Kinto server. Idempotent: it only adds
what is missing (bucket, coordinators group, collections, permissions, a coordinator in the
group), never removes a member or a permission, and a second run changes nothing.

    python3 scripts/sync_layout.py --server https://example.org/sync/v1 --auth admin:PASSWORD \\
        [--coordinator ACCOUNT_ID]

Only the Python standard library: an authority can run it against its own server. --auth is
an account of the accounts plugin (Basic auth), or `Bearer TOKEN` for an OpenID Connect
token; it must be allowed to create the bucket (kinto.bucket_create_principals) on a new
server, or to write it (a coordinator) afterwards. --coordinator adds `account:ID` to the
group (use --principal for any other principal, e.g. an OpenID Connect user id).

The layout (bucket `materiotheque`):
  group coordinators                      members: the coordinators' principals
  bucket permissions                      read, write: the coordinators group
  collection catalogue                    read: system.Authenticated (record `public`)
  collection requests                     record:create: system.Authenticated (one record a
                                          teacher, id `t-` + hex of her account id, hers to write)
  collection answers                      coordinators only; each record is given
                                          read: [account:<teacher>] by the coordinator
  collection pool                         coordinators only (record `pool`)
"""

import argparse
import base64
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

BUCKET = "materiotheque"
GROUP = "coordinators"
GROUP_PRINCIPAL = f"/buckets/{BUCKET}/groups/{GROUP}"
BUCKET_PERMISSIONS = {"read": [GROUP_PRINCIPAL], "write": [GROUP_PRINCIPAL]}
COLLECTIONS = {
    "catalogue": {"read": ["system.Authenticated"]},
    "requests": {"record:create": ["system.Authenticated"]},
    "answers": {},
    "pool": {},
}


class Failure(Exception):
    pass


class Kinto:
    def __init__(self, server, auth):
        self.server = server.rstrip("/")
        if auth.lower().startswith("bearer "):
            self.authorization = auth
        else:
            if ":" not in auth:
                raise Failure("--auth must be user:password (or 'Bearer TOKEN')")
            self.authorization = "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")
        self.changes = 0

    def call(self, method, path, body=None, headers=None):
        request = urllib.request.Request(
            self.server + path,
            method=method,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            headers={
                "Authorization": self.authorization,
                "Accept": "application/json",
                **({"Content-Type": "application/json"} if body is not None else {}),
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                payload = json.loads(raw)
            except ValueError:
                payload = {"message": raw.decode("utf-8", "replace")[:200]}
            return error.code, payload
        except urllib.error.URLError as error:
            raise Failure(f"cannot reach {self.server}: {error.reason}") from error

    def expect(self, ok, method, path, body=None, headers=None):
        status, payload = self.call(method, path, body, headers)
        if status not in ok:
            message = payload.get("message") if isinstance(payload, dict) else payload
            raise Failure(f"{method} {path}: {status} {message}")
        return status, payload

    def ensure(self, path, permissions, data=None, label=None):
        """Creates the object with the permissions, or adds the missing principals to it."""
        label = label or path
        status, payload = self.call("GET", path)
        if status == 404 or (status == 403 and path == f"/buckets/{BUCKET}"):
            body = {"permissions": permissions}
            if data is not None:
                body["data"] = data
            # If-None-Match: * so that a concurrent creation is never overwritten.
            status, _ = self.call("PUT", path, body, {"If-None-Match": "*"})
            if status in (200, 201):
                self.changes += 1
                print(f"created   {label}")
                return
            if status != 412:  # 412: created meanwhile by someone else, completed below.
                raise Failure(f"PUT {path}: {status} (cannot create it with these credentials)")
            status, payload = self.expect((200,), "GET", path)
        elif status != 200:
            message = payload.get("message") if isinstance(payload, dict) else payload
            raise Failure(f"GET {path}: {status} {message}")
        current = payload.get("permissions", {})
        if not current and permissions:
            # Kinto shows an object's permissions only to its direct writers: completing them
            # blindly could drop principals added by someone else, so they are left as is.
            print(f"skipped   {label}: its permissions are not visible to this account "
                  "(run with the account that created the layout to complete them)")
            return
        missing = {
            perm: sorted(set(current.get(perm, [])) | set(principals))
            for perm, principals in permissions.items()
            if not set(principals) <= set(current.get(perm, []))
        }
        if missing:
            etag = f'"{payload["data"]["last_modified"]}"'
            self.expect((200,), "PATCH", path, {"permissions": missing}, {"If-Match": etag})
            self.changes += 1
            print(f"completed {label}: {', '.join(sorted(missing))}")
        else:
            print(f"unchanged {label}")

    def ensure_member(self, principal):
        path = f"/buckets/{BUCKET}/groups/{GROUP}"
        _, payload = self.expect((200,), "GET", path)
        members = payload["data"].get("members", [])
        if principal in members:
            print(f"unchanged {GROUP}: {principal} is a member")
            return
        etag = f'"{payload["data"]["last_modified"]}"'
        # If-Match: a member added meanwhile by someone else is never dropped (412: run again).
        self.expect(
            (200,), "PATCH", path, {"data": {"members": members + [principal]}}, {"If-Match": etag}
        )
        self.changes += 1
        print(f"completed {GROUP}: {principal} added")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="Kinto URL, ending in /v1")
    parser.add_argument("--auth", required=True, help="user:password (or 'Bearer TOKEN')")
    parser.add_argument("--coordinator", action="append", default=[], metavar="ACCOUNT_ID",
                        help="account id to add to the coordinators group (repeatable)")
    parser.add_argument("--principal", action="append", default=[], metavar="PRINCIPAL",
                        help="any principal to add to the group, e.g. oidc:... (repeatable)")
    args = parser.parse_args(argv)
    try:
        kinto = Kinto(args.server, args.auth)
        status, hello = kinto.expect((200,), "GET", "/")
        if "user" not in hello:
            raise Failure("the credentials were not accepted (no authenticated user)")
        kinto.ensure(f"/buckets/{BUCKET}", BUCKET_PERMISSIONS)
        # The group exists before it is named anywhere else (members added below).
        kinto.ensure(f"/buckets/{BUCKET}/groups/{GROUP}", {}, data={"members": []})
        for name, permissions in COLLECTIONS.items():
            kinto.ensure(f"/buckets/{BUCKET}/collections/{name}", permissions)
            # Listing the records makes Kinto store the empty collection's timestamp now: done
            # by the first concurrent writes instead, it fails all but one of them (503) under
            # repeatable read or serializable.
            kinto.expect((200,), "GET", f"/buckets/{BUCKET}/collections/{name}/records?_limit=1")
        for principal in [f"account:{c}" for c in args.coordinator] + args.principal:
            kinto.ensure_member(principal)
    except Failure as error:
        print(f"sync_layout: {error}", file=sys.stderr)
        return 1
    print(f"layout ready on {args.server} ({kinto.changes} change(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
