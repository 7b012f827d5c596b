"""Benchmark helper (run with .sync-venv/bin/python): creates many teacher accounts at once
through Kinto's own storage, like `kinto create-user` does, but with one bcrypt hash shared by
all (same password): creating 2000 accounts through the API costs 2000 bcrypt hashes (~0.23 s
of CPU each). With --warm, each account's password is also put in the account cache, as after
a first verified request (kinto.plugins.accounts.authentication.account_check).

    .sync-venv/bin/python scripts/bench_sync_seed.py DIR/kinto.ini PREFIX COUNT PASSWORD [--warm]

Accounts are PREFIX0000@bench.example ... (prefix: letters and digits).
"""

import argparse
import sys

import transaction
from pyramid.paster import bootstrap

from kinto.core import utils
from kinto.plugins.accounts.utils import ACCOUNT_CACHE_KEY, hash_password


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("ini")
    parser.add_argument("prefix")
    parser.add_argument("count", type=int)
    parser.add_argument("password")
    parser.add_argument("--warm", action="store_true")
    args = parser.parse_args()

    env = bootstrap(args.ini, options={"command": "create-user"})
    registry = env["registry"]
    settings = registry.settings
    secret = settings["userid_hmac_secret"]
    ttl = int(settings.get("account_cache_ttl_seconds", 30))
    hashed = hash_password(args.password)
    for i in range(args.count):
        username = f"{args.prefix}{i:04d}@bench.example"
        registry.storage.update(
            resource_name="account",
            parent_id=username,
            object_id=username,
            obj={"id": username, "password": hashed},
        )
        registry.permission.add_principal_to_ace(
            f"/accounts/{username}", "write", f"account:{username}"
        )
        if args.warm and ttl > 0:
            cache_key = utils.hmac_digest(secret, ACCOUNT_CACHE_KEY.format(username))
            registry.cache.set(cache_key, utils.hmac_digest(cache_key, args.password), ttl=ttl)
    transaction.commit()
    env["closer"]()
    print(f"{args.count} accounts {args.prefix}NNNN@bench.example" + (" (cache warm)" if args.warm else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
