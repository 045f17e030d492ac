"""Cases (room-scoped pseudonyms), excerpts and their lines: de-identified text only.

Revision ID: 0002_excerpts
Revises: 0001_foundation
Created: 2026-11-22 02:56:32.117674
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_excerpts"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("pseudonym", sa.String(length=60), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_cases_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_cases_room_id_rooms"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("room_id", "pseudonym", name=op.f("uq_cases_room_id")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_room_id"), ["room_id"], unique=False)

    op.create_table(
        "excerpts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("context_html", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("revises_id", sa.Integer(), nullable=True),
        sa.Column("deid_record", sa.JSON(), nullable=False),
        sa.Column("attested_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_excerpts_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_excerpts_case_id_cases"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["revises_id"],
            ["excerpts.id"],
            name=op.f("fk_excerpts_revises_id_excerpts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_excerpts_room_id_rooms"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_excerpts")),
    )
    with op.batch_alter_table("excerpts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_excerpts_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_excerpts_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_excerpts_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_excerpts_revises_id"), ["revises_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_excerpts_room_id"), ["room_id"], unique=False)

    op.create_table(
        "excerpt_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("excerpt_id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Double(), nullable=True),
        sa.Column("end", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["excerpt_id"],
            ["excerpts.id"],
            name=op.f("fk_excerpt_lines_excerpt_id_excerpts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_excerpt_lines")),
        sa.UniqueConstraint("excerpt_id", "n", name=op.f("uq_excerpt_lines_excerpt_id")),
    )
    with op.batch_alter_table("excerpt_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_excerpt_lines_excerpt_id"), ["excerpt_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("excerpt_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_excerpt_lines_excerpt_id"))

    op.drop_table("excerpt_lines")
    with op.batch_alter_table("excerpts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_excerpts_room_id"))
        batch_op.drop_index(batch_op.f("ix_excerpts_revises_id"))
        batch_op.drop_index(batch_op.f("ix_excerpts_created_at"))
        batch_op.drop_index(batch_op.f("ix_excerpts_case_id"))
        batch_op.drop_index(batch_op.f("ix_excerpts_author_id"))

    op.drop_table("excerpts")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_room_id"))

    op.drop_table("cases")
