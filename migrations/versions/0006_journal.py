"""Private journal: encrypted entries, their tags, personal tags and guided templates.

Revision ID: 0006_journal
Revises: 0005_transcriptions
Created: 2026-11-22 04:23:29.106345
"""

import sqlalchemy as sa
from alembic import op

revision = '0006_journal'
down_revision = '0005_transcriptions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('journal_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('prompts', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_journal_templates_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_templates'))
    )
    with op.batch_alter_table('journal_templates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_templates_owner_id'), ['owner_id'], unique=False)

    op.create_table('personal_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_personal_tags_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_personal_tags')),
    sa.UniqueConstraint('owner_id', 'slug', name=op.f('uq_personal_tags_owner_id'))
    )
    with op.batch_alter_table('personal_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_personal_tags_owner_id'), ['owner_id'], unique=False)

    op.create_table('journal_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('ciphertext', sa.LargeBinary(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('intensity', sa.Integer(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('excerpt_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('edited_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_journal_entries_author_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_journal_entries_case_id_cases'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['excerpt_id'], ['excerpts.id'], name=op.f('fk_journal_entries_excerpt_id_excerpts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_entries'))
    )
    with op.batch_alter_table('journal_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_entries_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entries_created_at'), ['created_at'], unique=False)

    op.create_table('journal_tags',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['journal_entries.id'], name=op.f('fk_journal_tags_entry_id_journal_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('entry_id', 'slug', name=op.f('pk_journal_tags'))
    )


def downgrade():
    op.drop_table('journal_tags')
    with op.batch_alter_table('journal_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journal_entries_created_at'))
        batch_op.drop_index(batch_op.f('ix_journal_entries_author_id'))

    op.drop_table('journal_entries')
    with op.batch_alter_table('personal_tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_personal_tags_owner_id'))

    op.drop_table('personal_tags')
    with op.batch_alter_table('journal_templates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journal_templates_owner_id'))

    op.drop_table('journal_templates')
