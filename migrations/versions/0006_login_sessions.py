"""Sessions the server can end: a login_sessions table (one row per logged-in browser) and a
security stamp per user that changes with the password and with being active, ending every
session and one-time link made before.

Revision ID: 0006_login_sessions
Revises: 0005_published_addresses
Create Date: 2026-11-29

"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0006_login_sessions"
down_revision = "0005_published_addresses"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("security_stamp", sa.String(length=32), nullable=False, server_default="")
        )
    # Every user gets a stamp of their own; sessions signed before this have none and end.
    # (The empty server default stays: dropping it would make SQLite rebuild the table.)
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("security_stamp", sa.String))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(users.c.id)).all():
        connection.execute(
            users.update().where(users.c.id == user_id).values(security_stamp=secrets.token_hex(16))
        )
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("stamp", sa.String(length=32), nullable=False),
        sa.Column("browser", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_login_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_login_sessions_token_hash")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_login_sessions_user_id"), "login_sessions", ["user_id"], unique=False
    )


def downgrade():
    op.drop_index(op.f("ix_login_sessions_user_id"), table_name="login_sessions")
    op.drop_table("login_sessions")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("security_stamp")
